import * as z from 'zod';

import { readPingOneContext } from '../connection.js';
import { defineAction } from '../define.js';
import { toRole, type Raw } from '../mappers.js';
import { Role } from '../models.js';
import { allItems } from '../paging.js';
import { rolesRequest } from '../requests.js';

export const listRoles = defineAction({
    name: 'list-roles',
    description: "Lists PingOne's built-in admin roles, with what each can be granted for.",
    roles: ['rolesList'],
    input: z.strictObject({}),
    output: z.object({ roles: z.array(Role) }),
    exec: async (nango) => {
        const context = await readPingOneContext(nango);
        const roles = await allItems<Raw>(nango, context, rolesRequest());
        return { roles: roles.map(toRole) };
    },
});
