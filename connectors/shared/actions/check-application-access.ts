import * as z from 'zod';

import { applicationRead } from '../application-access.js';
import { idSegment, readPingOneContext, type PingOneContext } from '../connection.js';
import { defineAction } from '../define.js';
import { call, type ProxyNango } from '../http.js';
import { IdInput } from '../inputs.js';
import { toApplicationAccess, toUserGroup, type Raw } from '../mappers.js';
import { allItems } from '../paging.js';

async function userGroupIds(nango: ProxyNango, context: PingOneContext, userId: string): Promise<string[]> {
    const memberships = await allItems<Raw>(nango, context, {
        path: `${context.environmentPath}/users/${userId}/memberOfGroups`,
        embedded: 'groupMemberships',
        doing: "list the user's groups",
        roles: 'identityRead',
    });
    return memberships.map((raw) => toUserGroup(userId, raw).groupId);
}

/** An admin role of the user's own or, failing that, of one of their groups (members hold a group's roles). */
async function holdsAdminRole(nango: ProxyNango, context: PingOneContext, userId: string, groupIds: readonly string[]): Promise<boolean> {
    for (const [collection, id] of [['users', userId] as const, ...groupIds.map((groupId) => ['groups', groupId] as const)]) {
        const assignments = await allItems<Raw>(nango, context, {
            path: `${context.environmentPath}/${collection}/${id}/roleAssignments`,
            embedded: 'roleAssignments',
            doing: `list the ${collection === 'users' ? "user's" : "user's group's"} role assignments`,
            roles: 'roleAssignmentsRead',
        });
        if (assignments.length > 0) return true;
    }
    return false;
}

/**
 * Whether a user passes an application's access control
 * (https://developer.pingidentity.com/pingone-api/platform/applications.html, "Application access
 * control"): with ADMIN_USERS_ONLY the user must hold an admin role; with a group rule, be a member
 * (directly or through a nested group) of any one, or of all, of its groups.
 */
export const checkApplicationAccess = defineAction({
    name: 'check-application-access',
    description:
        "Says whether a user may sign on to an application under its access control (admin users only, and its groups), and why not. It checks only the application's access control; the user must still be enabled and able to authenticate.",
    roles: ['applicationsRead', 'identityRead', 'roleAssignmentsRead'],
    input: z.strictObject({ applicationId: IdInput, userId: IdInput }),
    output: z.object({ applicationId: z.string(), userId: z.string(), allowed: z.boolean(), reasons: z.array(z.string()) }),
    exec: async (nango, input) => {
        const context = await readPingOneContext(nango);
        const applicationId = idSegment(nango, input.applicationId, 'applicationId');
        const userId = idSegment(nango, input.userId, 'userId');
        const access = toApplicationAccess(await call<Raw>(nango, applicationRead(context, applicationId, 'read the application')));
        const reasons: string[] = [];
        const groupRule = access.groupRule !== undefined && access.groupIds.length > 0;
        // The user's groups, nested ones included (INDIRECT): for the group rule, and for roles held through a group.
        const groups = access.adminUsersOnly || groupRule ? await userGroupIds(nango, context, userId) : [];
        if (access.adminUsersOnly && !(await holdsAdminRole(nango, context, userId, groups))) {
            reasons.push('Only admin users may sign on, and the user holds no admin role, neither their own nor through a group.');
        }
        if (groupRule) {
            const missing = access.groupIds.filter((groupId) => !groups.includes(groupId));
            if (access.groupRule === 'ALL_GROUPS' && missing.length > 0)
                reasons.push(`The user must be in every one of the groups, and is not in ${missing.join(', ')}.`);
            if (access.groupRule !== 'ALL_GROUPS' && missing.length === access.groupIds.length) {
                reasons.push(`The user must be in one of the groups ${access.groupIds.join(', ')}, and is in none.`);
            }
        }
        return { applicationId, userId, allowed: reasons.length === 0, reasons };
    },
});
