import * as z from 'zod';

import { defineAction } from '../define.js';
import { call } from '../http.js';
import { signedOnUser } from '../self-service.js';

export const getMyPasswordState = defineAction({
    name: 'get-my-password-state',
    description: "Reads the signed-on user's own password state (OK, expired, must change, locked out…); never the password.",
    roles: [],
    selfService: { scopes: ['p1:read:userPassword'] },
    input: z.strictObject({}),
    output: z.object({ id: z.string(), status: z.string(), lastChangedAt: z.string().optional() }),
    exec: async (nango) => {
        const { userId, userPath } = await signedOnUser(nango);
        const raw = await call<{ status?: unknown; lastChangedAt?: unknown }>(nango, {
            method: 'GET',
            endpoint: `${userPath}/password`,
            idempotent: true,
            doing: 'read your password state',
            scope: 'p1:read:userPassword',
        });
        return {
            id: userId,
            status: typeof raw.status === 'string' ? raw.status : 'UNKNOWN',
            ...(typeof raw.lastChangedAt === 'string' ? { lastChangedAt: raw.lastChangedAt } : {}),
        };
    },
});
