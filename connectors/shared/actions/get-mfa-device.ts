import { aResource } from '../answers.js';
import { readPingOneContext } from '../connection.js';
import { defineAction } from '../define.js';
import { DeviceInput, devicePath } from '../device-requests.js';
import { call } from '../http.js';
import { MfaDeviceDetail, toMfaDeviceDetail } from '../identity-mappers.js';
import type { Raw } from '../mappers.js';

export const getMfaDevice = defineAction({
    name: 'get-mfa-device',
    description: "Reads one of a user's MFA devices: its type, status, contact, and whether it is locked after too many failed attempts.",
    roles: ['identityRead'],
    input: DeviceInput,
    output: MfaDeviceDetail,
    exec: async (nango, input) => {
        const context = await readPingOneContext(nango);
        const { userId, path } = devicePath(nango, input);
        // Read One MFA User Device: https://developer.pingidentity.com/pingone-api/mfa/users/mfa-devices.html
        const raw = await call<Raw>(nango, {
            method: 'GET',
            endpoint: `${context.environmentPath}/${path}`,
            idempotent: true,
            answer: aResource,
            doing: 'read the MFA device',
            roles: 'identityRead',
        });
        return toMfaDeviceDetail(userId, raw);
    },
});
