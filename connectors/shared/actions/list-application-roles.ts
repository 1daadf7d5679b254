import * as z from 'zod';

import { ApplicationRole, toApplicationRole } from '../application-roles.js';
import { readPingOneContext } from '../connection.js';
import { defineAction } from '../define.js';
import type { Raw } from '../mappers.js';
import { allItems } from '../paging.js';

export const listApplicationRoles = defineAction({
    name: 'list-application-roles',
    description:
        "Lists the environment's application roles (PingOne Authorize): the roles it defines for its own applications and grants to users. Not PingOne's admin roles (list-roles), nor the admin roles a Worker app holds (list-application-role-assignments). PingOne's 403 (`missing_role`) also means an environment not licensed for PingOne Authorize.",
    roles: ['applicationRolesRead'],
    input: z.strictObject({}),
    output: z.object({ applicationRoles: z.array(ApplicationRole) }),
    exec: async (nango) => {
        const context = await readPingOneContext(nango);
        // https://developer.pingidentity.com/pingone-api/authorize/application-permissions/application-roles.html
        // (at most 128 an environment: one short collection).
        const roles = await allItems<Raw>(nango, context, {
            path: `${context.environmentPath}/applicationRoles`,
            embedded: 'roles',
            doing: "list the environment's application roles",
            roles: 'applicationRolesRead',
        });
        return { applicationRoles: roles.map(toApplicationRole) };
    },
});
