import * as z from 'zod';

import { idSegment } from '../connection.js';
import { defineAction } from '../define.js';
import { IDENTITY_CONTENT_TYPES } from '../identity-content-types.js';
import { IdInput } from '../inputs.js';
import { vendorPost } from '../vendor-post.js';

export const setMfaDeviceOrder = defineAction({
    name: 'set-mfa-device-order',
    description: "Orders a user's active MFA devices; the first becomes the default device used at sign-on. Devices activated later go to the end.",
    roles: ['identityWrite'],
    input: z.strictObject({
        userId: IdInput.describe('The PingOne user ID.'),
        deviceIds: z.array(IdInput).min(1).max(50).describe("The user's devices in the new order, first the default (from list-user-mfa-devices)."),
    }),
    output: z.object({ userId: z.string(), order: z.array(z.string()) }),
    exec: async (nango, input) => {
        const userId = idSegment(nango, input.userId, 'userId');
        const order = input.deviceIds.map((id, index) => idSegment(nango, id, `deviceIds.${index}`));
        // Setting an order twice leaves it as setting it once: safe to repeat.
        const { answer } = await vendorPost(nango, {
            path: `users/${userId}/devices`,
            contentType: IDENTITY_CONTENT_TYPES.devicesReorder,
            data: { order: order.map((id) => ({ id })) },
            doing: "set the order of the user's MFA devices",
            roles: 'identityWrite',
        });
        const listed = (answer?.['_embedded'] as { devices?: unknown } | undefined)?.devices;
        const echoed = Array.isArray(listed) ? listed.map((device) => String((device as { id?: unknown }).id)) : undefined;
        return { userId, order: echoed ?? order };
    },
});
