import { IDENTITY_CONTENT_TYPES } from '../identity-content-types.js';
import { userOperationAction } from '../user-state.js';

// https://developer.pingidentity.com/pingone-api/platform/users/user-passwords/password-resend-recovery-code.html
export const sendPasswordRecovery = userOperationAction({
    name: 'send-password-recovery',
    description:
        'Emails the user a password recovery code (8 characters, valid five minutes) with which they set a new password. PingOne refuses it for a disabled user or a password status of NO_PASSWORD or PASSWORD_LOCKED_OUT (code recovery_not_possible).',
    operation: {
        path: '/password',
        contentType: IDENTITY_CONTENT_TYPES.sendRecoveryCode,
        doing: 'send the user a password recovery code',
        ifUnsure: 'Ask the user whether the recovery email arrived (each send replaces the earlier code)',
        refused: {
            code: 'recovery_not_possible',
            message: 'PingOne sends no recovery code to a disabled user, or when the password status is NO_PASSWORD or PASSWORD_LOCKED_OUT.',
            hint: 'Enable the user, set a password (set-user-password) or unlock it (unlock-user) first.',
        },
    },
});
