import { defineCollectionSync } from '../collection-sync.js';
import { toCustomRole } from '../mappers.js';
import { CustomRole } from '../models.js';

export const customRoles = defineCollectionSync({
    name: 'custom-roles',
    description: "The environment's custom admin roles, with their permissions and who may assign them; deletes detected on each full scan.",
    roles: 'configurationRead',
    frequency: 'every day',
    modelName: 'CustomRole',
    model: CustomRole,
    // https://developer.pingidentity.com/pingone-api/platform/roles/custom-roles/read-all-custom-roles.html
    path: (context) => `${context.environmentPath}/roles`,
    embedded: 'roles',
    doing: 'list custom roles',
    map: toCustomRole,
});
