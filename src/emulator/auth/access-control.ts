// An application's access control at sign-on (https://developer.pingidentity.com/pingone-api/platform/applications.html,
// "Application access control"): ADMIN_USERS_ONLY admits users holding an admin role; a group rule
// admits members (directly or through a nested group) of any one, or of all, of its groups.
import { ancestorsOf } from '../api/group-nesting.js';
import { heldAssignments } from '../api/held-roles.js';
import { liveGroupIds } from '../api/user-counts.js';
import type { ApplicationRecord, Json } from '../tenant/records.js';
import type { Tenant } from '../tenant/tenant.js';

/** Why the user may not sign on to the application, or undefined when they may. */
export function accessRefusal(tenant: Tenant, application: ApplicationRecord, userId: string): string | undefined {
    const accessControl = application.body.accessControl as Json | undefined;
    if (accessControl === undefined) return undefined;
    if (accessControl.role !== undefined && heldAssignments(tenant, userId).length === 0) return 'Only admin users may sign on to this application.';
    const group = accessControl.group as { type: string; groups: Array<{ id: string }> } | undefined;
    if (group === undefined) return undefined;
    const record = tenant.users.get(userId);
    const direct = record ? liveGroupIds(tenant, record) : [];
    const memberOf = new Set([...direct, ...direct.flatMap((id) => ancestorsOf(tenant, id))]);
    const inGroups = group.groups.filter((required) => memberOf.has(required.id)).length;
    const admitted = group.type === 'ALL_GROUPS' ? inGroups === group.groups.length : inGroups > 0;
    return admitted ? undefined : "The user is not in the groups this application's access control requires.";
}
