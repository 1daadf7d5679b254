// enable-user and disable-user: the same call with the opposite value.
import * as z from 'zod';

import { idSegment, readPingOneContext } from './connection.js';
import { defineAction } from './define.js';
import { call } from './http.js';
import { UserIdInput } from './inputs.js';

export function userEnabledAction(enabled: boolean) {
    const verb = enabled ? 'enable' : 'disable';
    return defineAction({
        name: `${verb}-user`,
        description: enabled ? 'Enables a user, so they can sign on again.' : 'Disables a user: they can no longer sign on; nothing is deleted.',
        roles: ['identityWrite'],
        input: UserIdInput,
        output: z.object({ id: z.string(), enabled: z.boolean() }),
        exec: async (nango, input) => {
            const context = await readPingOneContext(nango);
            const id = idSegment(nango, input.id, 'id');
            const raw = await call<{ enabled?: unknown }>(nango, {
                method: 'PUT',
                endpoint: `${context.environmentPath}/users/${id}/enabled`,
                data: { enabled },
                idempotent: true,
                doing: `${verb} the user`,
                roles: 'identityWrite',
            });
            return { id, enabled: typeof raw.enabled === 'boolean' ? raw.enabled : enabled };
        },
    });
}
