import { defineAction } from '../define.js';
import { DeviceInput, devicePath } from '../device-requests.js';
import { IDENTITY_CONTENT_TYPES } from '../identity-content-types.js';
import { MfaDeviceDetail, toMfaDeviceDetail } from '../identity-mappers.js';
import { vendorPost } from '../vendor-post.js';

export const unlockMfaDevice = defineAction({
    name: 'unlock-mfa-device',
    description: 'Unlocks an MFA device locked out by too many failed attempts, and resets its failed-attempts counter, before the lockout period ends.',
    roles: ['identityWrite'],
    input: DeviceInput,
    output: MfaDeviceDetail,
    exec: async (nango, input) => {
        const { userId, deviceId, path } = devicePath(nango, input);
        // Unlocking twice leaves the device as unlocking once: safe to repeat.
        const { answer } = await vendorPost(nango, {
            path,
            contentType: IDENTITY_CONTENT_TYPES.deviceUnlock,
            doing: 'unlock the MFA device',
            roles: 'identityWrite',
        });
        return answer?.['id'] === deviceId ? toMfaDeviceDetail(userId, answer) : { id: deviceId, userId };
    },
});
