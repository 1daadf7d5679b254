import { aResource } from '../answers.js';
import { idSegment } from '../connection.js';
import { defineAction } from '../define.js';
import { MyDeviceInput } from '../device-requests.js';
import { call } from '../http.js';
import { MfaDeviceDetail, toMfaDeviceDetail } from '../identity-mappers.js';
import type { Raw } from '../mappers.js';
import { signedOnUser } from '../self-service.js';

export const getMyMfaDevice = defineAction({
    name: 'get-my-mfa-device',
    description: "Reads one of the signed-on user's own MFA devices: its type, status, contact, and whether it is locked.",
    roles: [],
    selfService: { scopes: ['p1:read:device'] },
    input: MyDeviceInput,
    output: MfaDeviceDetail,
    exec: async (nango, input) => {
        const { userId, userPath } = await signedOnUser(nango);
        const deviceId = idSegment(nango, input.deviceId, 'deviceId');
        // Read One MFA User Device (https://developer.pingidentity.com/pingone-api/mfa/users/mfa-devices.html), self-service
        // with p1:read:device (https://developer.pingidentity.com/pingone-api/foundations/pingone-roles-scopes-and-permissions/access-services-through-scopes-and-roles/pingone-self-management-scopes.html).
        const raw = await call<Raw>(nango, {
            method: 'GET',
            endpoint: `${userPath}/devices/${deviceId}`,
            idempotent: true,
            answer: aResource,
            doing: 'read your MFA device',
            scope: 'p1:read:device',
        });
        return toMfaDeviceDetail(userId, raw);
    },
});
