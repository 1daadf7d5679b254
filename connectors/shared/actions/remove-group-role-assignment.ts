import { removeByPathAction } from '../remove-by-path.js';

// https://developer.pingidentity.com/pingone-api/platform/groups/group-role-assignments/delete-group-role-assignment.html
export const removeGroupRoleAssignment = removeByPathAction({
    name: 'remove-group-role-assignment',
    description: "Takes an admin role away from a group (the assignment ID is in list-group-role-assignments' output); its members lose it too.",
    roles: 'roleAssignmentsWrite',
    parent: { collection: 'groups', field: 'groupId' },
    child: { segment: 'roleAssignments', field: 'roleAssignmentId' },
    doing: 'remove the role assignment',
    outputId: (_groupId, id) => id,
});
