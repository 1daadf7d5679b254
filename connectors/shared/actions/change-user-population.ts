import * as z from 'zod';

import { idSegment, readPingOneContext } from '../connection.js';
import { defineAction } from '../define.js';
import { call } from '../http.js';
import { IdInput } from '../inputs.js';

export const changeUserPopulation = defineAction({
    name: 'change-user-population',
    description: 'Moves a user to another population. PingOne drops their memberships of groups that belong to the old population.',
    roles: ['identityWrite'],
    input: z.strictObject({ id: IdInput, populationId: IdInput }),
    output: z.object({ id: z.string(), populationId: z.string() }),
    exec: async (nango, input) => {
        const context = await readPingOneContext(nango);
        const id = idSegment(nango, input.id, 'id');
        const populationId = idSegment(nango, input.populationId, 'populationId');
        await call(nango, {
            method: 'PUT',
            endpoint: `${context.environmentPath}/users/${id}/population`,
            data: { id: populationId },
            idempotent: true,
            doing: "change the user's population",
            roles: 'identityWrite',
        });
        return { id, populationId };
    },
});
