// A user's MFA devices (https://developer.pingidentity.com/pingone-api/mfa/users/mfa-devices.html):
// the inputs that name one, and the paths.
import * as z from 'zod';

import { idSegment, type PingOneContext } from './connection.js';
import type { ProxyNango } from './http.js';
import { IdInput } from './inputs.js';
import type { CollectionRequest } from './paging.js';

export const DeviceInput = z.strictObject({
    userId: IdInput.describe('The PingOne user ID.'),
    deviceId: IdInput.describe('From list-user-mfa-devices.'),
});

/** A device of the signed-on user (the self-service actions): the user is the token's. */
export const MyDeviceInput = z.strictObject({ deviceId: IdInput.describe('From list-my-mfa-devices.') });

/** The device's path under the environment, both IDs checked. */
export function devicePath(nango: Pick<ProxyNango, 'ActionError'>, input: z.infer<typeof DeviceInput>): { userId: string; deviceId: string; path: string } {
    const userId = idSegment(nango, input.userId, 'userId');
    const deviceId = idSegment(nango, input.deviceId, 'deviceId');
    return { userId, deviceId, path: `users/${userId}/devices/${deviceId}` };
}

export function userDevicesRequest(context: PingOneContext, userId: string): CollectionRequest {
    return { path: `${context.environmentPath}/users/${userId}/devices`, embedded: 'devices', doing: "list the user's MFA devices", roles: 'identityRead' };
}
