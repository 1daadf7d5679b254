import * as z from 'zod';

import { defineAction } from '../define.js';
import { IDENTITY_CONTENT_TYPES } from '../identity-content-types.js';
import { IdInput } from '../inputs.js';
import { User } from '../models.js';
import { userOperation } from '../user-state.js';

export const verifyUser = defineAction({
    name: 'verify-user',
    description:
        "Verifies a user's account with the code PingOne emailed them (send-user-verification-code): their lifecycle status becomes ACCOUNT_OK, and their email is marked verified if the code went to their current address.",
    roles: ['identityWrite'],
    input: z.strictObject({
        id: IdInput.describe('The PingOne user ID.'),
        // PingOne's codes are 8 alphanumeric characters; the bound is ours.
        verificationCode: z.string().min(1).max(64).describe('The code from the verification email.'),
    }),
    output: User,
    // https://developer.pingidentity.com/pingone-api/platform/users/users-1/verify-user-1.html
    exec: async (nango, input) =>
        userOperation(nango, input.id, {
            contentType: IDENTITY_CONTENT_TYPES.verifyUser,
            data: { verificationCode: input.verificationCode },
            doing: "verify the user's account",
            ifUnsure: "Run get-user and look at the user's lifecycleStatus (a code works once)",
            refused: {
                code: 'invalid_code',
                message: 'PingOne did not accept the verification code: it is wrong, or a newer code replaced it. Nothing changed.',
                hint: 'Check the code in the latest verification email, or send a new one with send-user-verification-code.',
            },
        }),
});
