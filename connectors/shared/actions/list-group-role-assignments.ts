import { listByPathAction } from '../list-by-path.js';
import { toGroupRoleAssignment } from '../mappers.js';
import { GroupRoleAssignment } from '../models.js';

// https://developer.pingidentity.com/pingone-api/platform/groups/group-role-assignments/read-group-role-assignments.html
export const listGroupRoleAssignments = listByPathAction({
    name: 'list-group-role-assignments',
    description: "Lists a group's admin role assignments: the roles every member holds through the group.",
    roles: 'roleAssignmentsRead',
    parent: { collection: 'groups', field: 'groupId' },
    segment: 'roleAssignments',
    embedded: 'roleAssignments',
    doing: "list the group's role assignments",
    outputKey: 'roleAssignments',
    model: GroupRoleAssignment,
    map: toGroupRoleAssignment,
});
