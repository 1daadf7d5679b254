import * as z from 'zod';

import { defineAction } from '../define.js';
import { call } from '../http.js';
import { toUser, type Raw } from '../mappers.js';
import { User } from '../models.js';
import { signedOnUser } from '../self-service.js';

export const getMyProfile = defineAction({
    name: 'get-my-profile',
    description: "Reads the signed-on user's own profile.",
    roles: [],
    selfService: { scopes: ['p1:read:user'] },
    input: z.strictObject({}),
    output: User,
    exec: async (nango) => {
        const { userPath } = await signedOnUser(nango);
        return toUser(await call<Raw>(nango, { method: 'GET', endpoint: userPath, idempotent: true, doing: 'read your profile', scope: 'p1:read:user' }));
    },
});
