import { deleteMineAction } from '../delete-mine.js';

// https://developer.pingidentity.com/pingone-api/mfa/users/mfa-devices/delete-mfa-user-device.html (204), self-service
// with p1:delete:device (https://developer.pingidentity.com/pingone-api/foundations/pingone-roles-scopes-and-permissions/access-services-through-scopes-and-roles/pingone-self-management-scopes.html).
export const deleteMyMfaDevice = deleteMineAction({
    name: 'delete-my-mfa-device',
    description: "Removes one of the signed-on user's own MFA devices (from list-my-mfa-devices).",
    scope: 'p1:delete:device',
    segment: 'devices',
    field: 'deviceId',
    from: 'list-my-mfa-devices',
    doing: 'delete your MFA device',
});
