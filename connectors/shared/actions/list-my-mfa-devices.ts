import * as z from 'zod';

import { defineAction } from '../define.js';
import { toMfaDevice, type Raw } from '../mappers.js';
import { MfaDevice } from '../models.js';
import { allItems } from '../paging.js';
import { signedOnUser } from '../self-service.js';

export const listMyMfaDevices = defineAction({
    name: 'list-my-mfa-devices',
    description: "Lists the signed-on user's own MFA devices and their status.",
    roles: [],
    selfService: { scopes: ['p1:read:device'] },
    input: z.strictObject({}),
    output: z.object({ devices: z.array(MfaDevice) }),
    exec: async (nango) => {
        const { context, userId, userPath } = await signedOnUser(nango);
        const devices = await allItems<Raw>(nango, context, {
            path: `${userPath}/devices`,
            embedded: 'devices',
            doing: 'list your MFA devices',
            scope: 'p1:read:device',
        });
        return { devices: devices.map((device) => toMfaDevice(userId, device)) };
    },
});
