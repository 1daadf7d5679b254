import * as z from 'zod';

import { idSegment, readPingOneContext } from '../connection.js';
import { defineAction } from '../define.js';
import { describeFailure, fail, type PingOneFailure } from '../errors.js';
import { tryCall, type ProxyNango } from '../http.js';
import { IdInput } from '../inputs.js';
import { toUserRoleAssignment, type Raw } from '../mappers.js';
import { UserRoleAssignment } from '../models.js';
import { CAN_ASSIGN } from '../pingone.generated.js';

/** Built-in roles' Can Assign column in words, for a refusal. */
const CAN_ASSIGN_SENTENCE = Object.entries(CAN_ASSIGN)
    .map(([assigner, roles]) => `${assigner} may assign ${roles.join(', ')}`)
    .join('; ');

/**
 * A 403 on assigning explained: which role, and PingOne's Can Assign rule (an actor may assign only the
 * roles its own roles may assign, https://developer.pingidentity.com/pingone-api/platform/roles/predefined-roles.html).
 */
async function refusal(nango: ProxyNango, failure: PingOneFailure, roleId: string): Promise<Error> {
    const base = describeFailure(failure, { doing: 'assign the role', roles: 'roleAssignmentsWrite' });
    if (failure.status !== 403) {
        return fail(nango, base);
    }
    const role = await tryCall<{ name?: unknown }>(nango, {
        method: 'GET',
        endpoint: `/v1/roles/${roleId}`,
        idempotent: true,
        doing: 'name the role',
        roles: 'rolesList',
    });
    const name = role.ok && typeof role.data.name === 'string' ? role.data.name : `role ${roleId}`;
    return fail(nango, {
        ...base,
        code: 'role_not_assignable',
        message: `PingOne refused to assign ${name}: an admin may assign only the roles its own roles may assign (${CAN_ASSIGN_SENTENCE}), held at a scope that covers the assignment's. Nothing was assigned.`,
        hint: `Assign it as an admin (or Worker app) holding a role that may assign ${name}, or choose a role this one may assign.`,
    });
}

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
        const result = await tryCall<Raw>(nango, {
            method: 'POST',
            endpoint: `${context.environmentPath}/users/${userId}/roleAssignments`,
            data: { role: { id: roleId }, scope: { id: scopeId, type: scopeType } },
            idempotent: false,
            ifUnsure: "Run the user-role-assignments sync (or look at the user's roles in PingOne) to see whether the role was assigned",
            doing: 'assign the role',
            roles: 'roleAssignmentsWrite',
        });
        if (!result.ok) {
            throw await refusal(nango, result.failure, roleId);
        }
        return toUserRoleAssignment(userId, result.data, new Map());
    },
});
