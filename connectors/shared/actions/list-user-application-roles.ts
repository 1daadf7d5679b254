import { toUserApplicationRole, UserApplicationRole } from '../application-roles.js';
import { listByPathAction } from '../list-by-path.js';

// https://developer.pingidentity.com/pingone-api/platform/users/user-application-role-assignments.html
export const listUserApplicationRoles = listByPathAction({
    name: 'list-user-application-roles',
    description:
        'Lists the application roles (PingOne Authorize, from list-application-roles) a user holds; the admin roles a user holds are in the user-role-assignments sync.',
    roles: 'applicationRolesRead',
    parent: { collection: 'users', field: 'userId' },
    segment: 'applicationRoles',
    embedded: 'roles',
    doing: "list the user's application roles",
    outputKey: 'applicationRoles',
    model: UserApplicationRole,
    map: toUserApplicationRole,
});
