import type { Emulation } from '../emulation.js';
import { apiErrors } from '../http/api-error.js';
import { jsonBody, requireContentType, type RequestContext } from '../http/context.js';
import { created, json, noContent, type Reply } from '../http/reply.js';
import type { Route } from '../http/router.js';
import { randomUuid } from '../random.js';
import { activityTypes } from '../tenant/activity-types.js';
import type { Json } from '../tenant/records.js';
import type { Tenant } from '../tenant/tenant.js';
import { requireCanAssign } from './can-assign.js';
import { listCollection } from './collection.js';
import { entityOf, environmentUrl, tenantOf, userOf, withLinks } from './lookup.js';

/** Whose role assignments a route manages: a user's, an application's or a group's. */
interface Principal {
    segment: 'users' | 'applications' | 'groups';
    param: 'userId' | 'applicationId' | 'groupId';
    /** The principal as an audit-activity resource. */
    resourceType: 'USER' | 'APPLICATION' | 'GROUP';
    find(tenant: Tenant, context: RequestContext): { id: string; name: string };
}

const principals: Principal[] = [
    {
        segment: 'users',
        param: 'userId',
        resourceType: 'USER',
        find(tenant, context) {
            const user = userOf(tenant, context);
            return { id: String(user.body.id), name: String(user.body.username) };
        },
    },
    {
        segment: 'applications',
        param: 'applicationId',
        resourceType: 'APPLICATION',
        find(tenant, context) {
            const id = context.params.applicationId ?? '';
            const application = tenant.applications.get(id);
            if (!application) throw apiErrors.notFound(`application with ID ${id}`);
            return { id, name: String(application.body.name) };
        },
    },
    {
        // A group's roles are held by every member (https://developer.pingidentity.com/pingone-api/platform/groups/group-role-assignments.html).
        segment: 'groups',
        param: 'groupId',
        resourceType: 'GROUP',
        find(tenant, context) {
            const group = entityOf(tenant.groups, context.params.groupId, 'group');
            return { id: String(group.id), name: String(group.name) };
        },
    },
];

const scopeTypes = ['ORGANIZATION', 'ENVIRONMENT', 'POPULATION', 'APPLICATION'];

function assignmentView(context: RequestContext, tenant: Tenant, principal: Principal, principalId: string, assignment: Json): Json {
    return withLinks(assignment, environmentUrl(context, tenant, `${principal.segment}/${principalId}/roleAssignments/${String(assignment.id)}`), {
        role: `${context.origin}/v1/roles/${String((assignment.role as Json).id)}`,
    });
}

function checkedAssignment(emulation: Emulation, tenant: Tenant, body: Json): Json {
    const roleId = (body.role as Json | undefined)?.id;
    if (typeof roleId !== 'string') throw apiErrors.required('role.id');
    const role = emulation.world.roles.find((candidate) => candidate.id === roleId);
    if (!role) throw apiErrors.invalidValue('role.id', `No role with ID ${roleId} exists.`);
    const scope = body.scope as Json | undefined;
    if (typeof scope?.id !== 'string') throw apiErrors.required('scope.id');
    if (!scopeTypes.includes(String(scope.type))) throw apiErrors.invalidValue('scope.type', `scope.type must be one of ${scopeTypes.join(', ')}.`);
    if (!(role.applicableTo as string[]).includes(String(scope.type))) {
        throw apiErrors.invalidValue(
            'scope.type',
            `The role ${String(role.name)} cannot be granted at ${String(scope.type)} scope; it applies to ${(role.applicableTo as string[]).join(', ')}.`,
        );
    }
    const known =
        (scope.type === 'ORGANIZATION' && scope.id === emulation.world.organizationId) ||
        (scope.type === 'ENVIRONMENT' && emulation.world.tenant(scope.id) !== undefined) ||
        (scope.type === 'POPULATION' && tenant.populations.has(scope.id)) ||
        (scope.type === 'APPLICATION' && tenant.applications.has(scope.id));
    if (!known) throw apiErrors.invalidValue('scope.id', `No ${String(scope.type).toLowerCase()} with ID ${scope.id} exists.`);
    return { id: randomUuid(), role: { id: roleId }, scope: { id: scope.id, type: scope.type }, environment: { id: tenant.id }, readOnly: false };
}

function routesFor(principal: Principal): Route<Emulation>[] {
    const base = `/v1/environments/:environmentId/${principal.segment}/:${principal.param}/roleAssignments`;
    const find = (context: RequestContext, emulation: Emulation) => {
        const tenant = tenantOf(emulation, context);
        const who = principal.find(tenant, context);
        return { tenant, who, list: tenant.assignmentsOf(who.id) };
    };
    const audit = (
        tenant: Tenant,
        context: RequestContext,
        type: (typeof activityTypes)['roleAssigned' | 'roleUnassigned'],
        who: { id: string; name: string },
        assignment: Json,
    ) =>
        tenant.activities.record(
            type,
            [
                { type: principal.resourceType, id: who.id, name: who.name },
                { type: 'ROLE_ASSIGNMENT', id: String(assignment.id), name: String((assignment.role as Json).id) },
            ],
            context.actor,
            `${type} for ${who.name}`,
        );
    return [
        {
            method: 'GET',
            pattern: base,
            access: 'roleAssignments:read',
            handler: (context, emulation): Reply => {
                const { tenant, who, list } = find(context, emulation);
                return json(
                    200,
                    listCollection(context, {
                        collection: 'roleAssignments',
                        items: list,
                        view: (assignment) => assignmentView(context, tenant, principal, who.id, assignment),
                    }),
                );
            },
        },
        {
            method: 'POST',
            pattern: base,
            access: 'roleAssignments:write',
            handler: (context, emulation): Reply => {
                requireContentType(context, ['application/json']);
                const { tenant, who, list } = find(context, emulation);
                const assignment = checkedAssignment(emulation, tenant, jsonBody(context));
                requireCanAssign(emulation, context.actor, tenant.id, assignment);
                const duplicate = list.find(
                    (other) => (other.role as Json).id === (assignment.role as Json).id && JSON.stringify(other.scope) === JSON.stringify(assignment.scope),
                );
                if (duplicate) {
                    throw apiErrors.invalidData({
                        code: 'UNIQUENESS_VIOLATION',
                        target: 'role',
                        message: 'This role is already assigned at this scope.',
                        innerError: { existingId: String(duplicate.id) },
                    });
                }
                list.push(assignment);
                audit(tenant, context, activityTypes.roleAssigned, who, assignment);
                return created(assignmentView(context, tenant, principal, who.id, assignment));
            },
        },
        {
            method: 'GET',
            pattern: `${base}/:roleAssignmentId`,
            access: 'roleAssignments:read',
            handler: (context, emulation): Reply => {
                const { tenant, who, list } = find(context, emulation);
                const assignment = list.find((candidate) => candidate.id === context.params.roleAssignmentId);
                if (!assignment) throw apiErrors.notFound(`role assignment with ID ${context.params.roleAssignmentId ?? ''}`);
                return json(200, assignmentView(context, tenant, principal, who.id, assignment));
            },
        },
        {
            method: 'DELETE',
            pattern: `${base}/:roleAssignmentId`,
            access: 'roleAssignments:write',
            handler: (context, emulation): Reply => {
                const { tenant, who, list } = find(context, emulation);
                const index = list.findIndex((candidate) => candidate.id === context.params.roleAssignmentId);
                const assignment = list[index];
                if (!assignment) throw apiErrors.notFound(`role assignment with ID ${context.params.roleAssignmentId ?? ''}`);
                requireCanAssign(emulation, context.actor, tenant.id, assignment);
                list.splice(index, 1);
                audit(tenant, context, activityTypes.roleUnassigned, who, assignment);
                return noContent();
            },
        },
    ];
}

export const roleAssignmentRoutes: Route<Emulation>[] = principals.flatMap(routesFor);
