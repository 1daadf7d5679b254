import { listMineAction } from '../list-mine.js';
import { toMfaDevice } from '../mappers.js';
import { MfaDevice } from '../models.js';

// Self-service with p1:read:device (https://developer.pingidentity.com/pingone-api/foundations/pingone-roles-scopes-and-permissions/access-services-through-scopes-and-roles/pingone-self-management-scopes.html).
export const listMyMfaDevices = listMineAction({
    name: 'list-my-mfa-devices',
    description: "Lists the signed-on user's own MFA devices and their status.",
    scope: 'p1:read:device',
    segment: 'devices',
    doing: 'list your MFA devices',
    outputKey: 'devices',
    model: MfaDevice,
    map: toMfaDevice,
});
