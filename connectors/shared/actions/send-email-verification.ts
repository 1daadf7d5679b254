import * as z from 'zod';

import { defineAction } from '../define.js';
import { IDENTITY_CONTENT_TYPES } from '../identity-content-types.js';
import { IdInput } from '../inputs.js';
import { User } from '../models.js';
import { userOperation } from '../user-state.js';

export const sendEmailVerification = defineAction({
    name: 'send-email-verification',
    description:
        "Emails the user a code that confirms their email address (valid 24 hours; only the last one sent works). Unlike send-user-verification-code it leaves the account's lifecycle status as it is.",
    roles: ['identityWrite'],
    input: z.strictObject({
        id: IdInput.describe('The PingOne user ID.'),
        notificationType: z.enum(['admin', 'user']).optional().describe('Who asks for it, which picks the email PingOne sends; default admin.'),
    }),
    output: User,
    // https://developer.pingidentity.com/pingone-api/platform/users/user-email-verification/send-email-verification-code.html
    exec: async (nango, input) =>
        userOperation(nango, input.id, {
            path: '/emailVerification',
            contentType: IDENTITY_CONTENT_TYPES.sendEmailVerification,
            data: { notificationType: input.notificationType ?? 'admin' },
            doing: 'send the user an email verification code',
            ifUnsure: 'Ask the user whether the email arrived (each send replaces the earlier code)',
        }),
});
