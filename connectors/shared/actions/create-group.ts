import * as z from 'zod';

import { idSegment, readPingOneContext } from '../connection.js';
import { defineAction } from '../define.js';
import { call } from '../http.js';
import { toGroup, type Raw } from '../mappers.js';
import { Group } from '../models.js';

export const createGroup = defineAction({
    name: 'create-group',
    description: 'Creates a group, for the whole environment or one population; with `userFilter`, a dynamic group.',
    roles: ['identityWrite'],
    input: z.object({
        name: z.string().min(1),
        description: z.string().optional(),
        populationId: z.string().optional().describe('Makes it a group of this population only.'),
        externalId: z.string().optional(),
        userFilter: z.string().optional().describe('A SCIM filter: members are the users it matches.'),
    }),
    output: Group,
    exec: async (nango, input) => {
        const context = await readPingOneContext(nango);
        const { populationId, ...fields } = input;
        const body = { ...fields, ...(populationId ? { population: { id: idSegment(nango, populationId, 'populationId') } } : {}) };
        const raw = await call<Raw>(nango, {
            method: 'POST',
            endpoint: `${context.environmentPath}/groups`,
            data: body,
            idempotent: false,
            ifUnsure: "Run the groups sync (or look in PingOne's Groups) to see whether a group of that name was created",
            doing: 'create the group',
            roles: 'identityWrite',
        });
        return toGroup(raw);
    },
});
