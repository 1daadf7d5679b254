import { removeByPathAction } from '../remove-by-path.js';

// Delete User Application Role Assignment, by the application role's ID (204):
// https://developer.pingidentity.com/pingone-api/platform/users/user-application-role-assignments.html
export const removeUserApplicationRole = removeByPathAction({
    name: 'remove-user-application-role',
    description: 'Takes an application role (PingOne Authorize, from list-user-application-roles) away from a user.',
    roles: 'applicationRolesWrite',
    parent: { collection: 'users', field: 'userId' },
    child: { segment: 'applicationRoles', field: 'applicationRoleId' },
    doing: 'remove the application role from the user',
    outputId: (_userId, roleId) => roleId,
});
