import * as z from 'zod';

import { readPingOneContext } from '../connection.js';
import { defineAction } from '../define.js';
import { call } from '../http.js';
import { NameInput, TextInput } from '../inputs.js';
import { toPopulation, type Raw } from '../mappers.js';
import { Population } from '../models.js';

export const createPopulation = defineAction({
    name: 'create-population',
    description: 'Creates a population (names are unique in the environment); `isDefault` makes it where new users go.',
    roles: ['identityWrite'],
    input: z.strictObject({ name: NameInput, description: TextInput.optional(), isDefault: z.boolean().optional() }),
    output: Population,
    exec: async (nango, input) => {
        const context = await readPingOneContext(nango);
        const body = {
            name: input.name,
            ...(input.description ? { description: input.description } : {}),
            ...(input.isDefault !== undefined ? { default: input.isDefault } : {}),
        };
        const raw = await call<Raw>(nango, {
            method: 'POST',
            endpoint: `${context.environmentPath}/populations`,
            data: body,
            idempotent: false,
            ifUnsure: "Run the populations sync (or look in PingOne's Populations) to see whether a population of that name was created",
            doing: 'create the population',
            roles: 'identityWrite',
        });
        return toPopulation(raw);
    },
});
