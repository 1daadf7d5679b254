// What PingOne's built-in roles are, and which calls each allows (docs/ARCHITECTURE.md, "Roles").
// Data only: the access check reads these tables.

import { ROLE_TABLE, type RoleTableKey } from '../../../connectors/shared/pingone.generated.js';

export type ScopeType = 'ORGANIZATION' | 'ENVIRONMENT' | 'POPULATION' | 'APPLICATION';

export interface RoleDefinition {
    name: string;
    description: string;
    applicableTo: ScopeType[];
}

export const roleDefinitions: readonly RoleDefinition[] = [
    { name: 'Organization Admin', description: 'Manage the organization and its environments.', applicableTo: ['ORGANIZATION'] },
    { name: 'Environment Admin', description: 'Manage environments and everything in them.', applicableTo: ['ORGANIZATION', 'ENVIRONMENT'] },
    { name: 'Identity Data Admin', description: 'Manage users, groups, populations and their data.', applicableTo: ['ENVIRONMENT', 'POPULATION'] },
    { name: 'Identity Data Read Only', description: 'Read users, groups, populations and their data.', applicableTo: ['ENVIRONMENT', 'POPULATION'] },
    { name: 'Client Application Developer', description: 'Manage applications.', applicableTo: ['ENVIRONMENT'] },
    { name: 'Configuration Read Only', description: 'Read environment configuration.', applicableTo: ['ENVIRONMENT'] },
    { name: 'Application Owner', description: 'Manage the applications one owns.', applicableTo: ['APPLICATION'] },
    { name: 'Help Desk Admin', description: 'Help users with their accounts.', applicableTo: ['ENVIRONMENT', 'POPULATION'] },
];

export type RoleName = (typeof roleDefinitions)[number]['name'];

/** A row of the roles table (providers.extensions.yaml `roles`): the roles that allow a kind of call and its scope. */
function tableRule<Key extends RoleTableKey>(key: Key): { roles: (typeof ROLE_TABLE)[Key]['roles']; scope: (typeof ROLE_TABLE)[Key]['scope'] } {
    return { roles: ROLE_TABLE[key].roles, scope: ROLE_TABLE[key].scope };
}

/**
 * Which roles allow each kind of call, and at which scope they must be granted. The roles table is the
 * source; writing configuration and reading one's environment are calls it does not list.
 */
export const permissions = {
    'identity:read': tableRule('read-identity-data'),
    'identity:write': tableRule('write-identity-data'),
    'applications:read': tableRule('read-applications'),
    'applications:write': tableRule('write-applications'),
    'configuration:read': tableRule('read-configuration'),
    // Writing sign-on policies, identity providers and custom roles is Environment Admin's alone
    // (https://developer.pingidentity.com/pingone-api/platform/reference/roles-and-permissions-in-pingone/pingone-role-permissions.html).
    'configuration:write': { roles: ['Environment Admin'], scope: 'environment' },
    'roleAssignments:read': tableRule('read-role-assignments'),
    'roleAssignments:write': tableRule('write-role-assignments'),
    'activities:read': tableRule('read-audit-activities'),
    'environments:list': tableRule('list-environments'),
    'environment:read': {
        roles: [
            'Organization Admin',
            'Environment Admin',
            'Identity Data Admin',
            'Identity Data Read Only',
            'Client Application Developer',
            'Configuration Read Only',
        ],
        scope: 'environment',
    },
    'subscriptions:read': tableRule('read-subscriptions'),
    'subscriptions:write': tableRule('write-subscriptions'),
    'applicationRoles:read': tableRule('read-application-roles'),
    'applicationRoles:write': tableRule('write-application-roles'),
} as const satisfies Record<string, { roles: readonly string[]; scope: 'environment' | 'organization' }>;

export type Permission = keyof typeof permissions;
