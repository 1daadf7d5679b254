import * as z from 'zod';

import { idSegment } from '../connection.js';
import { defineAction } from '../define.js';
import { IDENTITY_CONTENT_TYPES } from '../identity-content-types.js';
import { UserIdInput } from '../inputs.js';
import { vendorPost } from '../vendor-post.js';

export const removeMfaDeviceOrder = defineAction({
    name: 'remove-mfa-device-order',
    description: "Removes the order of a user's MFA devices: the user then has no default device and chooses one at sign-on.",
    roles: ['identityWrite'],
    input: UserIdInput,
    output: z.object({ userId: z.string(), ordered: z.literal(false) }),
    exec: async (nango, input) => {
        const userId = idSegment(nango, input.id, 'id');
        // Removing the order twice leaves it as removing it once: safe to repeat.
        await vendorPost(nango, {
            path: `users/${userId}/devices`,
            contentType: IDENTITY_CONTENT_TYPES.devicesOrderRemove,
            doing: "remove the order of the user's MFA devices",
            roles: 'identityWrite',
        });
        return { userId, ordered: false as const };
    },
});
