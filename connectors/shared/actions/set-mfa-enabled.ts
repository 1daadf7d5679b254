import * as z from 'zod';

import { idSegment, readPingOneContext } from '../connection.js';
import { defineAction } from '../define.js';
import { call } from '../http.js';
import { IdInput } from '../inputs.js';

export const setMfaEnabled = defineAction({
    name: 'set-mfa-enabled',
    description: 'Turns multi-factor authentication on or off for a user.',
    roles: ['identityWrite'],
    input: z.strictObject({ id: IdInput, enabled: z.boolean() }),
    output: z.object({ id: z.string(), mfaEnabled: z.boolean() }),
    exec: async (nango, input) => {
        const context = await readPingOneContext(nango);
        const id = idSegment(nango, input.id, 'id');
        const raw = await call<{ mfaEnabled?: unknown }>(nango, {
            method: 'PUT',
            endpoint: `${context.environmentPath}/users/${id}/mfaEnabled`,
            data: { mfaEnabled: input.enabled },
            idempotent: true,
            doing: 'change MFA for the user',
            roles: 'identityWrite',
        });
        return { id, mfaEnabled: typeof raw.mfaEnabled === 'boolean' ? raw.mfaEnabled : input.enabled };
    },
});
