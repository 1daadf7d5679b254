import * as z from 'zod';

import { defineAction } from '../define.js';
import { call } from '../http.js';
import { signedOnUser } from '../self-service.js';

export const setMyMfaEnabled = defineAction({
    name: 'set-my-mfa-enabled',
    description: 'Turns multi-factor authentication on or off for the signed-on user.',
    roles: [],
    selfService: { scopes: ['p1:update:userMfaEnabled'] },
    input: z.strictObject({ enabled: z.boolean() }),
    output: z.object({ id: z.string(), mfaEnabled: z.boolean() }),
    exec: async (nango, input) => {
        const { userId, userPath } = await signedOnUser(nango);
        const raw = await call<{ mfaEnabled?: unknown }>(nango, {
            method: 'PUT',
            endpoint: `${userPath}/mfaEnabled`,
            data: { mfaEnabled: input.enabled },
            idempotent: true,
            doing: 'change MFA for yourself',
            scope: 'p1:update:userMfaEnabled',
        });
        return { id: userId, mfaEnabled: typeof raw.mfaEnabled === 'boolean' ? raw.mfaEnabled : input.enabled };
    },
});
