// The role assignments a principal acts with: its own and, for a user, those of every group they are
// in, directly or through a nested group ("Group role assignments": members of a group hold its roles,
// https://developer.pingidentity.com/pingone-api/platform/groups/group-role-assignments.html).
import type { Json } from '../tenant/records.js';
import type { Tenant } from '../tenant/tenant.js';
import { ancestorsOf } from './group-nesting.js';
import { liveGroupIds } from './user-counts.js';

export function heldAssignments(tenant: Tenant | undefined, principalId: string): Json[] {
    if (!tenant) return [];
    const own = tenant.roleAssignments.get(principalId) ?? [];
    const record = tenant.users.get(principalId);
    if (!record) return own;
    const direct = liveGroupIds(tenant, record);
    const groups = new Set([...direct, ...direct.flatMap((id) => ancestorsOf(tenant, id))]);
    return [...own, ...[...groups].flatMap((groupId) => tenant.roleAssignments.get(groupId) ?? [])];
}
