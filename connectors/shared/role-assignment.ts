// assign-role and assign-group-role: the body of a role assignment and the explanation of a refusal,
// for a user or a group (https://developer.pingidentity.com/pingone-api/platform/roles.html).
import * as z from 'zod';

import { idSegment, type PingOneContext } from './connection.js';
import { describeFailure, fail, type PingOneFailure } from './errors.js';
import { tryCall, type ProxyNango } from './http.js';
import type { Raw } from './mappers.js';
import { IdInput } from './inputs.js';
import { CAN_ASSIGN } from './pingone.generated.js';

/** The role and where it applies: the fields both assign actions take beside whom it is for. */
export const RoleGrantFields = {
    roleId: IdInput.describe('From list-roles.'),
    scopeType: z.enum(['ENVIRONMENT', 'POPULATION', 'APPLICATION', 'ORGANIZATION']).optional(),
    scopeId: IdInput.optional().describe('Defaults to this environment when scopeType is ENVIRONMENT or absent.'),
};

type RoleGrant = { roleId: string; scopeType?: 'ENVIRONMENT' | 'POPULATION' | 'APPLICATION' | 'ORGANIZATION' | undefined; scopeId?: string | undefined };

/** The POST body, with every ID checked; a scope other than this environment needs its ID. */
function roleAssignmentBody(nango: ProxyNango, context: PingOneContext, grant: RoleGrant): { role: { id: string }; scope: { id: string; type: string } } {
    const roleId = idSegment(nango, grant.roleId, 'roleId');
    const scopeType = grant.scopeType ?? 'ENVIRONMENT';
    if (grant.scopeId === undefined && scopeType !== 'ENVIRONMENT') {
        throw fail(nango, {
            code: 'invalid_input',
            message: `Input field "scopeId" is required when scopeType is ${scopeType}: the ID of that ${scopeType.toLowerCase()}.`,
            field: 'scopeId',
        });
    }
    const scopeId = grant.scopeId !== undefined ? idSegment(nango, grant.scopeId, 'scopeId') : context.environmentId;
    return { role: { id: roleId }, scope: { id: scopeId, type: scopeType } };
}

/** Built-in roles' Can Assign column in words, for a refusal. */
const CAN_ASSIGN_SENTENCE = Object.entries(CAN_ASSIGN)
    .map(([assigner, roles]) => `${assigner} may assign ${roles.join(', ')}`)
    .join('; ');

/**
 * A 403 on assigning explained: which role, and PingOne's Can Assign rule (an actor may assign only the
 * roles its own roles may assign, https://developer.pingidentity.com/pingone-api/platform/roles/predefined-roles.html).
 */
async function assignRefusal(nango: ProxyNango, failure: PingOneFailure, roleId: string): Promise<Error> {
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

/** Assigns the role to the user or group at `principalPath` (a POST, never repeated); a refusal is explained. */
export async function postRoleAssignment(nango: ProxyNango, context: PingOneContext, principalPath: string, grant: RoleGrant, ifUnsure: string): Promise<Raw> {
    const body = roleAssignmentBody(nango, context, grant);
    const result = await tryCall<Raw>(nango, {
        method: 'POST',
        endpoint: `${context.environmentPath}/${principalPath}/roleAssignments`,
        data: body,
        idempotent: false,
        ifUnsure,
        doing: 'assign the role',
        roles: 'roleAssignmentsWrite',
    });
    if (!result.ok) {
        throw await assignRefusal(nango, result.failure, body.role.id);
    }
    return result.data;
}
