import type { Emulation } from '../emulation.js';
import { apiErrors } from '../http/api-error.js';
import { jsonBody, requireContentType, type RequestContext } from '../http/context.js';
import { created, json, noContent, type Reply } from '../http/reply.js';
import type { Route } from '../http/router.js';
import { activityTypes } from '../tenant/activity-types.js';
import { nowIso, type Json, type UserRecord } from '../tenant/records.js';
import type { Tenant } from '../tenant/tenant.js';
import { pageOf, halPage, readPaging } from './paging.js';
import { environmentUrl, tenantOf, userOf, withLinks } from './lookup.js';
import { liveGroupIds } from './user-counts.js';
import { auditUser } from './audit.js';
import { ancestorsOf } from './group-nesting.js';

function membershipView(
    context: RequestContext,
    tenant: Tenant,
    record: UserRecord,
    group: Json,
    expand: boolean,
    type: 'DIRECT' | 'INDIRECT' = 'DIRECT',
): Json {
    const user = environmentUrl(context, tenant, `users/${String(record.body.id)}`);
    const body: Json = { id: group.id, name: group.name, type, environment: { id: tenant.id } };
    const view = withLinks(body, `${user}/memberOfGroups/${String(group.id)}`, { user, group: environmentUrl(context, tenant, `groups/${String(group.id)}`) });
    if (expand) view._embedded = { group: withLinks(group, environmentUrl(context, tenant, `groups/${String(group.id)}`)) };
    return view;
}

function expandsGroup(context: RequestContext): boolean {
    return (context.query.get('expand') ?? '').split(',').includes('group');
}

function listMemberships(context: RequestContext, emulation: Emulation): Reply {
    const tenant = tenantOf(emulation, context);
    const record = userOf(tenant, context);
    const request = readPaging(context, { defaultLimit: 100, cap: 1000, maxLimit: 1000 });
    // Members of a nested group are members of its parents too (https://developer.pingidentity.com/pingone-api/platform/groups.html,
    // "Nesting groups"): listed after the direct ones as INDIRECT (GroupMembership.type).
    const direct = liveGroupIds(tenant, record);
    const indirect = [...new Set(direct.flatMap((id) => ancestorsOf(tenant, id)))].filter((id) => !direct.includes(id));
    const page = pageOf([...direct, ...indirect], request);
    const expand = expandsGroup(context);
    return json(
        200,
        halPage(context, {
            collection: 'groupMemberships',
            items: page.items.map((id) =>
                membershipView(context, tenant, record, tenant.groups.get(id) as Json, expand, direct.includes(id) ? 'DIRECT' : 'INDIRECT'),
            ),
            nextPosition: page.nextPosition,
            previousPosition: page.previousPosition,
            count: page.count,
        }),
    );
}

function addMembership(context: RequestContext, emulation: Emulation): Reply {
    const tenant = tenantOf(emulation, context);
    requireContentType(context, ['application/json']);
    const record = userOf(tenant, context);
    const groupId = jsonBody(context).id;
    if (typeof groupId !== 'string') throw apiErrors.required('id');
    const group = tenant.groups.get(groupId);
    if (!group) throw apiErrors.invalidValue('id', `No group with ID ${groupId} exists in this environment.`);
    const scope = group.population as Json | undefined;
    if (scope && scope.id !== (record.body.population as Json).id) {
        throw apiErrors.invalidData({ code: 'CONSTRAINT_VIOLATION', target: 'id', message: "The group belongs to another population than the user's." });
    }
    if (liveGroupIds(tenant, record).includes(groupId)) {
        throw apiErrors.invalidData({
            code: 'UNIQUENESS_VIOLATION',
            target: 'id',
            message: 'The user is already a member of this group.',
            innerError: { existingId: groupId },
        });
    }
    const updated = tenant.users.update(String(record.body.id), (changed) => {
        changed.groupIds = [...liveGroupIds(tenant, changed), groupId];
        changed.body.updatedAt = nowIso();
    }) as UserRecord;
    auditUser(tenant, context, activityTypes.groupMemberAdded, updated, `User ${String(updated.body.username)} added to group ${String(group.name)}`, [
        { type: 'GROUP', id: groupId, name: String(group.name) },
    ]);
    return created(membershipView(context, tenant, updated, group, false));
}

function removeMembership(context: RequestContext, emulation: Emulation): Reply {
    const tenant = tenantOf(emulation, context);
    const record = userOf(tenant, context);
    const groupId = context.params.groupId ?? '';
    if (!liveGroupIds(tenant, record).includes(groupId)) throw apiErrors.notFound(`group membership for group ${groupId}`);
    const group = tenant.groups.get(groupId) as Json;
    const updated = tenant.users.update(String(record.body.id), (changed) => {
        changed.groupIds = changed.groupIds.filter((id) => id !== groupId);
        changed.body.updatedAt = nowIso();
    }) as UserRecord;
    auditUser(tenant, context, activityTypes.groupMemberRemoved, updated, `User ${String(updated.body.username)} removed from group ${String(group.name)}`, [
        { type: 'GROUP', id: groupId, name: String(group.name) },
    ]);
    return noContent();
}

function readMembership(context: RequestContext, emulation: Emulation): Reply {
    const tenant = tenantOf(emulation, context);
    const record = userOf(tenant, context);
    const groupId = context.params.groupId ?? '';
    if (!liveGroupIds(tenant, record).includes(groupId)) throw apiErrors.notFound(`group membership for group ${groupId}`);
    return json(200, membershipView(context, tenant, record, tenant.groups.get(groupId) as Json, expandsGroup(context)));
}

const base = '/v1/environments/:environmentId/users/:userId/memberOfGroups';

export const membershipRoutes: Route<Emulation>[] = [
    { method: 'GET', pattern: base, access: 'identity:read', handler: listMemberships },
    { method: 'POST', pattern: base, access: 'identity:write', handler: addMembership },
    { method: 'GET', pattern: `${base}/:groupId`, access: 'identity:read', handler: readMembership },
    { method: 'DELETE', pattern: `${base}/:groupId`, access: 'identity:write', handler: removeMembership },
];
