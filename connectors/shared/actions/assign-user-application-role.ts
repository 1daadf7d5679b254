import * as z from 'zod';

import { toUserApplicationRole, UserApplicationRole } from '../application-roles.js';
import { idSegment, readPingOneContext } from '../connection.js';
import { createOnce } from '../create-once.js';
import { defineAction } from '../define.js';
import { IdInput } from '../inputs.js';

export const assignUserApplicationRole = defineAction({
    name: 'assign-user-application-role',
    description:
        'Grants a user an application role (PingOne Authorize, from list-application-roles). A role the user already holds fails with `already_assigned`; an ID that names no application role of the environment, with `application_role_not_found`.',
    roles: ['applicationRolesWrite'],
    input: z.strictObject({ userId: IdInput.describe('The PingOne user ID.'), applicationRoleId: IdInput.describe('From list-application-roles.') }),
    output: UserApplicationRole,
    exec: async (nango, input) => {
        const context = await readPingOneContext(nango);
        const userId = idSegment(nango, input.userId, 'userId');
        const applicationRoleId = idSegment(nango, input.applicationRoleId, 'applicationRoleId');
        // Create User Application Role Assignment: a POST of {"id": <application role ID>}, 201
        // (https://developer.pingidentity.com/pingone-api/platform/users/user-application-role-assignments.html).
        const raw = await createOnce(
            nango,
            {
                method: 'POST',
                endpoint: `${context.environmentPath}/users/${userId}/applicationRoles`,
                data: { id: applicationRoleId },
                idempotent: false,
                ifUnsure: 'Run list-user-application-roles for the user to see whether the role was assigned',
                doing: 'assign the application role',
                roles: 'applicationRolesWrite',
            },
            { code: 'already_assigned', message: 'The user already holds this application role.' },
            {
                code: 'application_role_not_found',
                message: `No application role with ID ${applicationRoleId} exists in this environment (list-application-roles lists them).`,
            },
        );
        return toUserApplicationRole(userId, { id: applicationRoleId, ...raw });
    },
});
