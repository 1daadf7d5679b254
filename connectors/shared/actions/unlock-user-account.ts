import { IDENTITY_CONTENT_TYPES } from '../identity-content-types.js';
import { userOperationAction } from '../user-state.js';

// https://developer.pingidentity.com/pingone-api/platform/users/user-accounts/user-account-unlock.html
export const unlockUserAccount = userOperationAction({
    name: 'unlock-user-account',
    description:
        "Unlocks a user's account (status LOCKED, whether set by lock-user-account or by MFA lockout) and resets the MFA lockout counter. A password locked out by wrong passwords is unlock-user.",
    operation: {
        contentType: IDENTITY_CONTENT_TYPES.accountUnlock,
        doing: "unlock the user's account",
        ifUnsure: "Run get-user and look at the user's accountStatus",
    },
});
