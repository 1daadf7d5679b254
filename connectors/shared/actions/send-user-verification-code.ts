import { IDENTITY_CONTENT_TYPES } from '../identity-content-types.js';
import { userOperationAction } from '../user-state.js';

// https://developer.pingidentity.com/pingone-api/platform/users/users-1/send-resend-user-verification-code.html
export const sendUserVerificationCode = userOperationAction({
    name: 'send-user-verification-code',
    description:
        'Emails the user a new account verification code (the earlier one stops working) and sets their lifecycle status to VERIFICATION_REQUIRED; verify-user takes the code.',
    operation: {
        contentType: IDENTITY_CONTENT_TYPES.sendVerificationCode,
        doing: 'send the user a verification code',
        ifUnsure: 'Ask the user whether the verification email arrived (each send replaces the earlier code)',
    },
});
