import * as z from 'zod';

import { aResource } from '../answers.js';
import { idSegment, readPingOneContext } from '../connection.js';
import { defineAction } from '../define.js';
import { call } from '../http.js';
import { ExternalIdInput, IdInput, NameInput, TextInput } from '../inputs.js';
import { toGroup, type Raw } from '../mappers.js';
import { Group } from '../models.js';

const UpdateGroupInput = z.strictObject({
    id: IdInput.describe('The PingOne group ID.'),
    name: NameInput.optional(),
    description: TextInput.nullable().optional().describe('null clears it.'),
    externalId: ExternalIdInput.nullable().optional().describe('null clears it.'),
    userFilter: TextInput.nullable().optional().describe('A SCIM filter making it a dynamic group; null makes it a static one.'),
    customData: z
        .record(z.string().max(256), z.union([z.string().max(4096), z.number(), z.boolean(), z.null()]))
        .refine((value) => Object.keys(value).length <= 50, 'at most 50 customData keys')
        .nullable()
        .optional()
        .describe('Replaces the whole customData object; null clears it.'),
});

/** What a group's PUT may carry: everything else PingOne sets itself (https://developer.pingidentity.com/pingone-api/platform/groups.html). */
const WRITABLE = ['name', 'description', 'externalId', 'userFilter', 'customData', 'population'] as const;

export const updateGroup = defineAction({
    name: 'update-group',
    description:
        "Changes a group's name, description, external ID, dynamic filter or custom data; fields left out keep their value. PingOne replaces a group whole (PUT), so the group is read first: a change made by someone else between that read and the write is overwritten.",
    roles: ['identityWrite'],
    input: UpdateGroupInput,
    output: Group,
    exec: async (nango, input) => {
        const context = await readPingOneContext(nango);
        const id = idSegment(nango, input.id, 'id');
        const endpoint = `${context.environmentPath}/groups/${id}`;
        const current = await call<Raw>(nango, {
            method: 'GET',
            endpoint,
            idempotent: true,
            answer: aResource,
            doing: 'read the group',
            roles: 'identityRead',
        });
        const body: Raw = {};
        for (const key of WRITABLE) if (current[key] !== undefined && current[key] !== null) body[key] = current[key];
        for (const key of ['name', 'description', 'externalId', 'userFilter', 'customData'] as const) {
            const value = input[key];
            if (value === null) delete body[key];
            else if (value !== undefined) body[key] = value;
        }
        const raw = await call<Raw>(nango, {
            method: 'PUT',
            endpoint,
            data: body,
            // The same whole group sent twice leaves the same group.
            idempotent: true,
            answer: aResource,
            doing: 'update the group',
            roles: 'identityWrite',
        });
        return toGroup(raw);
    },
});
