import * as z from 'zod';

import { readPingOneContext } from '../connection.js';
import { defineAction } from '../define.js';
import { toUserSchemaAttribute } from '../identity-mappers.js';
import type { Raw } from '../mappers.js';
import { UserSchemaAttribute } from '../models.js';
import { allItems } from '../paging.js';
import { schemaAttributesRequest, userSchema } from '../user-schema.js';

export const getUserSchema = defineAction({
    name: 'get-user-schema',
    description:
        "Reads the environment's user schema with every attribute, core, standard and custom: which custom attributes create-user and update-user accept, and their types.",
    roles: ['identityRead'],
    input: z.strictObject({}),
    output: z.object({
        id: z.string(),
        name: z.string().optional(),
        description: z.string().optional(),
        attributes: z.array(UserSchemaAttribute),
    }),
    exec: async (nango) => {
        const context = await readPingOneContext(nango);
        const schema = await userSchema(nango, context);
        const id = String(schema['id']);
        const attributes = await allItems<Raw>(nango, context, schemaAttributesRequest(context, id));
        return {
            id,
            ...(typeof schema['name'] === 'string' ? { name: schema['name'] } : {}),
            ...(typeof schema['description'] === 'string' ? { description: schema['description'] } : {}),
            attributes: attributes.map(toUserSchemaAttribute),
        };
    },
});
