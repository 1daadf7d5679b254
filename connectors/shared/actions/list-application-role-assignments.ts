import { listByPathAction } from '../list-by-path.js';
import { toApplicationRoleAssignment } from '../mappers.js';
import { ApplicationRoleAssignment } from '../models.js';

// https://developer.pingidentity.com/pingone-api/platform/applications/application-role-assignments/read-application-role-assignments.html
export const listApplicationRoleAssignments = listByPathAction({
    name: 'list-application-role-assignments',
    description: 'Lists the admin roles an application holds: what a Worker app may do with its client-credentials tokens.',
    roles: 'roleAssignmentsRead',
    parent: { collection: 'applications', field: 'applicationId' },
    segment: 'roleAssignments',
    embedded: 'roleAssignments',
    doing: "list the application's role assignments",
    outputKey: 'roleAssignments',
    model: ApplicationRoleAssignment,
    map: toApplicationRoleAssignment,
});
