import * as z from 'zod';

import { idSegment, readPingOneContext } from '../connection.js';
import { defineAction } from '../define.js';
import { fail } from '../errors.js';
import { call } from '../http.js';
import { IdInput } from '../inputs.js';
import { toUserRoleAssignment, type Raw } from '../mappers.js';
import { UserRoleAssignment } from '../models.js';

export const assignRole = defineAction({
    name: 'assign-role',
    description: 'Gives a user an admin role, by default for this environment; or for one population, application or the organization.',
    roles: ['roleAssignmentsWrite'],
    input: z.strictObject({
        userId: IdInput,
        roleId: IdInput.describe('From list-roles.'),
        scopeType: z.enum(['ENVIRONMENT', 'POPULATION', 'APPLICATION', 'ORGANIZATION']).optional(),
        scopeId: IdInput.optional().describe('Defaults to this environment when scopeType is ENVIRONMENT or absent.'),
    }),
    output: UserRoleAssignment,
    exec: async (nango, input) => {
        const context = await readPingOneContext(nango);
        const userId = idSegment(nango, input.userId, 'userId');
        const roleId = idSegment(nango, input.roleId, 'roleId');
        const scopeType = input.scopeType ?? 'ENVIRONMENT';
        if (input.scopeId === undefined && scopeType !== 'ENVIRONMENT') {
            throw fail(nango, {
                code: 'invalid_input',
                message: `Input field "scopeId" is required when scopeType is ${scopeType}: the ID of that ${scopeType.toLowerCase()}.`,
                field: 'scopeId',
            });
        }
        const scopeId = input.scopeId !== undefined ? idSegment(nango, input.scopeId, 'scopeId') : context.environmentId;
        const raw = await call<Raw>(nango, {
            method: 'POST',
            endpoint: `${context.environmentPath}/users/${userId}/roleAssignments`,
            data: { role: { id: roleId }, scope: { id: scopeId, type: scopeType } },
            idempotent: false,
            ifUnsure: "Run the user-role-assignments sync (or look at the user's roles in PingOne) to see whether the role was assigned",
            doing: 'assign the role',
            roles: 'roleAssignmentsWrite',
        });
        return toUserRoleAssignment(userId, raw, new Map());
    },
});
