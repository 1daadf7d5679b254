import type { Emulation } from '../emulation.js';
import { apiErrors } from '../http/api-error.js';
import { jsonBody, requireContentType } from '../http/context.js';
import { json } from '../http/reply.js';
import type { Route } from '../http/router.js';
import { activityTypes } from '../tenant/activity-types.js';
import { auditUser } from './audit.js';
import { tenantOf, userOf } from './lookup.js';
import { userView } from './user-view.js';

// "Send Email Verification (Code)": a POST to /users/{id}/emailVerification with this content type and
// `notificationType` `admin` or `user` (required); the code expires after 24 hours and only the last
// one sent is valid
// (https://developer.pingidentity.com/pingone-api/platform/users/user-email-verification/send-email-verification-code.html).
// The emulator answers with the user, and keeps the code in its outbox; no documented operation here
// takes that code back, so the emulator accepts it nowhere.
const sendType = 'application/vnd.pingidentity.user.emailVerification.send+json';

export const emailVerificationRoutes: Route<Emulation>[] = [
    {
        method: 'POST',
        pattern: '/v1/environments/:environmentId/users/:userId/emailVerification',
        access: 'identity:write',
        handler: (context, emulation) => {
            const tenant = tenantOf(emulation, context);
            requireContentType(context, [sendType]);
            const record = userOf(tenant, context);
            const notificationType = jsonBody(context).notificationType;
            if (notificationType === undefined) throw apiErrors.required('notificationType');
            if (notificationType !== 'admin' && notificationType !== 'user') {
                throw apiErrors.invalidValue('notificationType', 'notificationType must be "admin" or "user".');
            }
            const email = record.body.email;
            if (typeof email !== 'string' || email === '') throw apiErrors.invalidValue('email', 'The user has no email address to verify.');
            tenant.outbox.send('email', String(record.body.id), email);
            auditUser(tenant, context, activityTypes.verificationCodeSent, record, `Email verification code sent to ${String(record.body.username)}`);
            return json(200, userView(context, tenant, record));
        },
    },
];
