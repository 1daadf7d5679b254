// The vendor content types of the account, verification, recovery and MFA device operations, each on
// the PingOne page that documents it.
export const IDENTITY_CONTENT_TYPES = {
    /** https://developer.pingidentity.com/pingone-api/platform/users/user-accounts/user-account-lock.html */
    accountLock: 'application/vnd.pingidentity.account.lock+json',
    /** https://developer.pingidentity.com/pingone-api/platform/users/user-accounts/user-account-unlock.html */
    accountUnlock: 'application/vnd.pingidentity.account.unlock+json',
    /** https://developer.pingidentity.com/pingone-api/platform/users/users-1/send-resend-user-verification-code.html */
    sendVerificationCode: 'application/vnd.pingidentity.user.sendVerificationCode+json',
    /** https://developer.pingidentity.com/pingone-api/platform/users/users-1/verify-user-1.html */
    verifyUser: 'application/vnd.pingidentity.user.verify+json',
    /** https://developer.pingidentity.com/pingone-api/platform/users/user-email-verification/send-email-verification-code.html */
    sendEmailVerification: 'application/vnd.pingidentity.user.emailVerification.send+json',
    /** https://developer.pingidentity.com/pingone-api/platform/users/user-passwords/password-resend-recovery-code.html */
    sendRecoveryCode: 'application/vnd.pingidentity.password.sendRecoveryCode+json',
    /** https://developer.pingidentity.com/pingone-api/mfa/users/mfa-devices/unlock_device.html */
    deviceUnlock: 'application/vnd.pingidentity.device.unlock+json',
    /** https://developer.pingidentity.com/pingone-api/mfa/users/mfa-devices/set-device-order.html */
    devicesReorder: 'application/vnd.pingidentity.devices.reorder+json',
    /** https://developer.pingidentity.com/pingone-api/mfa/users/mfa-devices/delete-device-order.html (a POST, as that page shows) */
    devicesOrderRemove: 'application/vnd.pingidentity.devices.order.remove+json',
} as const;
