import { defineFanOutSync } from '../fan-out-sync.js';
import { toRole, toUserRoleAssignment, type Raw } from '../mappers.js';
import { UserRoleAssignment } from '../models.js';
import { pages } from '../paging.js';
import { rolesRequest, usersRequest } from '../requests.js';

export const userRoleAssignments = defineFanOutSync({
    name: 'user-role-assignments',
    description:
        "Every admin role assigned to each user (environment, population, application or organization scope), with the role's name; removed assignments are deleted on each full scan.",
    roles: ['identityRead', 'roleAssignmentsRead'],
    frequency: 'every hour',
    modelName: 'UserRoleAssignment',
    model: UserRoleAssignment,
    parents: usersRequest,
    children: (context, user) => ({
        path: `${context.environmentPath}/users/${String(user['id'])}/roleAssignments`,
        embedded: 'roleAssignments',
        doing: "list a user's role assignments",
        roles: 'roleAssignmentsRead',
    }),
    prepare: async (nango, context) => {
        const names = new Map<string, string>();
        for await (const page of pages<Raw>(nango, context, rolesRequest())) {
            for (const role of page.items.map(toRole)) {
                if (role.name) {
                    names.set(role.id, role.name);
                }
            }
        }
        return names;
    },
    map: (user, assignment, roleNames) => toUserRoleAssignment(String(user['id']), assignment, roleNames),
});
