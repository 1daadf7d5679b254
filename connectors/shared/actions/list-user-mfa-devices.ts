import * as z from 'zod';

import { idSegment, readPingOneContext } from '../connection.js';
import { defineAction } from '../define.js';
import { UserIdInput } from '../inputs.js';
import { toMfaDevice, type Raw } from '../mappers.js';
import { MfaDevice } from '../models.js';
import { allItems } from '../paging.js';

export const listUserMfaDevices = defineAction({
    name: 'list-user-mfa-devices',
    description: "Lists a user's MFA devices and their status.",
    roles: ['identityRead'],
    input: UserIdInput,
    output: z.object({ devices: z.array(MfaDevice) }),
    exec: async (nango, input) => {
        const context = await readPingOneContext(nango);
        const id = idSegment(nango, input.id, 'id');
        const devices = await allItems<Raw>(nango, context, {
            path: `${context.environmentPath}/users/${id}/devices`,
            embedded: 'devices',
            doing: "list the user's MFA devices",
            roles: 'identityRead',
        });
        return { devices: devices.map((device) => toMfaDevice(id, device)) };
    },
});
