import * as z from 'zod';

import { idSegment, readPingOneContext } from '../connection.js';
import { defineAction } from '../define.js';
import { call } from '../http.js';
import { toGroup, type Raw } from '../mappers.js';
import { declaredOnly, ExternalIdInput, IdInput, NameInput, TextInput } from '../inputs.js';
import { Group } from '../models.js';

const CreateGroupInput = z.strictObject({
    name: NameInput,
    description: TextInput.optional(),
    populationId: IdInput.optional().describe('Makes it a group of this population only.'),
    externalId: ExternalIdInput.optional(),
    userFilter: TextInput.optional().describe('A SCIM filter: members are the users it matches.'),
});

export const createGroup = defineAction({
    name: 'create-group',
    description: 'Creates a group, for the whole environment or one population; with `userFilter`, a dynamic group.',
    roles: ['identityWrite'],
    input: CreateGroupInput,
    output: Group,
    exec: async (nango, input) => {
        const context = await readPingOneContext(nango);
        const { populationId, ...fields } = declaredOnly(CreateGroupInput, input);
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
