import { removeByPathAction } from '../remove-by-path.js';

export const removeRoleAssignment = removeByPathAction({
    name: 'remove-role-assignment',
    description: 'Takes an admin role away from a user (the assignment ID is in the user-role-assignments records).',
    roles: 'roleAssignmentsWrite',
    parent: { collection: 'users', field: 'userId' },
    child: { segment: 'roleAssignments', field: 'roleAssignmentId' },
    doing: 'remove the role assignment',
    outputId: (_userId, id) => id,
});
