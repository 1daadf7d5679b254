import { readPingOneContext } from '../connection.js';
import { defineAction } from '../define.js';
import { DeviceInput, devicePath } from '../device-requests.js';
import { deleteCall } from '../http.js';
import { Deleted } from '../inputs.js';

export const deleteMfaDevice = defineAction({
    name: 'delete-mfa-device',
    description: "Removes one of a user's MFA devices; if it was the default, the next in the order becomes the default.",
    roles: ['identityWrite'],
    input: DeviceInput,
    output: Deleted,
    exec: async (nango, input) => {
        const context = await readPingOneContext(nango);
        const { deviceId, path } = devicePath(nango, input);
        // https://developer.pingidentity.com/pingone-api/mfa/users/mfa-devices/delete-mfa-user-device.html (204)
        const outcome = await deleteCall(nango, {
            method: 'DELETE',
            endpoint: `${context.environmentPath}/${path}`,
            doing: 'delete the MFA device',
            roles: 'identityWrite',
        });
        return { id: deviceId, deleted: true as const, ...outcome };
    },
});
