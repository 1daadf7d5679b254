// Group nesting: `/groups/{groupId}/memberOfGroups` lists, adds and removes the parent groups a group
// is nested in (https://developer.pingidentity.com/pingone-api/platform/groups.html, "Nesting groups";
// create: https://developer.pingidentity.com/pingone-api/platform/groups/create-nested-group.html).
import type { Emulation } from '../emulation.js';
import { apiErrors } from '../http/api-error.js';
import { jsonBody, requireContentType, type RequestContext } from '../http/context.js';
import { created, json, noContent, type Reply } from '../http/reply.js';
import type { Route } from '../http/router.js';
import { activityTypes, type ActivityType } from '../tenant/activity-types.js';
import type { Json } from '../tenant/records.js';
import type { Tenant } from '../tenant/tenant.js';
import { listCollection } from './collection.js';
import { entityOf, environmentUrl, tenantOf, withLinks } from './lookup.js';

/** The parents a group is nested in that still exist: a deleted parent takes its nestings with it. */
function liveParents(tenant: Tenant, groupId: string): string[] {
    return (tenant.groupParents.get(groupId) ?? []).filter((id) => tenant.groups.has(id));
}

/** Whether `ancestor` is `groupId` or a group it is nested in, at any depth. */
function reaches(tenant: Tenant, groupId: string, ancestor: string, seen = new Set<string>()): boolean {
    if (groupId === ancestor) return true;
    if (seen.has(groupId)) return false;
    seen.add(groupId);
    return liveParents(tenant, groupId).some((parent) => reaches(tenant, parent, ancestor, seen));
}

/** Every group `groupId` is nested in, at any depth, nearest first; each once. */
export function ancestorsOf(tenant: Tenant, groupId: string): string[] {
    const found: string[] = [];
    const queue = liveParents(tenant, groupId);
    while (queue.length > 0) {
        const next = queue.shift() as string;
        if (found.includes(next) || next === groupId) continue;
        found.push(next);
        queue.push(...liveParents(tenant, next));
    }
    return found;
}

function nestingView(context: RequestContext, tenant: Tenant, groupId: string, parent: Json): Json {
    const body: Json = { id: parent.id, name: parent.name, type: 'DIRECT', environment: { id: tenant.id } };
    return withLinks(body, environmentUrl(context, tenant, `groups/${groupId}/memberOfGroups/${String(parent.id)}`), {
        environment: environmentUrl(context, tenant),
    });
}

function audit(tenant: Tenant, context: RequestContext, type: ActivityType, group: Json, parent: Json): void {
    tenant.activities.record(
        type,
        [
            { type: 'GROUP', id: String(group.id), name: String(group.name) },
            { type: 'GROUP', id: String(parent.id), name: String(parent.name) },
        ],
        context.actor,
        `Group ${String(group.name)} ${type === activityTypes.groupNested ? 'nested in' : 'taken out of'} group ${String(parent.name)}`,
    );
}

function groupOf(tenant: Tenant, context: RequestContext): Json {
    return entityOf(tenant.groups, context.params.groupId, 'group');
}

function nestedParentOf(tenant: Tenant, context: RequestContext, group: Json): Json {
    const parentId = context.params.parentGroupId ?? '';
    if (!liveParents(tenant, String(group.id)).includes(parentId)) throw apiErrors.notFound(`group nesting for group ${parentId}`);
    return tenant.groups.get(parentId) as Json;
}

function nest(context: RequestContext, emulation: Emulation): Reply {
    const tenant = tenantOf(emulation, context);
    requireContentType(context, ['application/json']);
    const group = groupOf(tenant, context);
    const parentId = jsonBody(context).id;
    if (typeof parentId !== 'string') throw apiErrors.required('id');
    const parent = tenant.groups.get(parentId);
    if (!parent) throw apiErrors.invalidValue('id', `No group with ID ${parentId} exists in this environment.`);
    const groupId = String(group.id);
    if (liveParents(tenant, groupId).includes(parentId)) {
        throw apiErrors.invalidData({
            code: 'UNIQUENESS_VIOLATION',
            target: 'id',
            message: 'The group is already nested in this group.',
            innerError: { existingId: parentId },
        });
    }
    // PingOne documents no nesting of a group in itself or in its own descendants: strict, refused.
    if (reaches(tenant, parentId, groupId)) {
        throw apiErrors.invalidData({ code: 'CONSTRAINT_VIOLATION', target: 'id', message: 'A group cannot be nested in itself or in a group nested in it.' });
    }
    // External groups cannot have nested groups (https://developer.pingidentity.com/pingone-api/platform/identity-propagation-provisioning/external-groups.html).
    if (group.sourceType !== undefined || parent.sourceType !== undefined) {
        throw apiErrors.invalidData({ code: 'CONSTRAINT_VIOLATION', target: 'id', message: 'External groups cannot be nested.' });
    }
    tenant.groupParents.set(groupId, [...liveParents(tenant, groupId), parentId]);
    audit(tenant, context, activityTypes.groupNested, group, parent);
    return created(nestingView(context, tenant, groupId, parent));
}

const base = '/v1/environments/:environmentId/groups/:groupId/memberOfGroups';

export const groupNestingRoutes: Route<Emulation>[] = [
    {
        method: 'GET',
        pattern: base,
        access: 'identity:read',
        handler: (context, emulation) => {
            const tenant = tenantOf(emulation, context);
            const groupId = String(groupOf(tenant, context).id);
            const parents = liveParents(tenant, groupId).map((id) => tenant.groups.get(id) as Json);
            return json(
                200,
                listCollection(context, { collection: 'groupMemberships', items: parents, view: (parent) => nestingView(context, tenant, groupId, parent) }),
            );
        },
    },
    { method: 'POST', pattern: base, access: 'identity:write', handler: nest },
    {
        method: 'GET',
        pattern: `${base}/:parentGroupId`,
        access: 'identity:read',
        handler: (context, emulation) => {
            const tenant = tenantOf(emulation, context);
            const group = groupOf(tenant, context);
            return json(200, nestingView(context, tenant, String(group.id), nestedParentOf(tenant, context, group)));
        },
    },
    {
        method: 'DELETE',
        pattern: `${base}/:parentGroupId`,
        access: 'identity:write',
        handler: (context, emulation) => {
            const tenant = tenantOf(emulation, context);
            const group = groupOf(tenant, context);
            const parent = nestedParentOf(tenant, context, group);
            tenant.groupParents.set(
                String(group.id),
                liveParents(tenant, String(group.id)).filter((id) => id !== parent.id),
            );
            audit(tenant, context, activityTypes.groupUnnested, group, parent);
            return noContent();
        },
    },
];
