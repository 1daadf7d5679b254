// What PingOne's built-in roles are, and which calls each allows (docs/ARCHITECTURE.md, "Roles").
// Data only: the access check reads these tables.

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

const identityRead = ['Identity Data Read Only', 'Identity Data Admin', 'Environment Admin'];
const identityWrite = ['Identity Data Admin', 'Environment Admin'];

/** Which roles allow each kind of call, and at which scope they must be granted. */
export const permissions = {
    'identity:read': { roles: identityRead, scope: 'environment' },
    'identity:write': { roles: identityWrite, scope: 'environment' },
    'applications:read': { roles: ['Client Application Developer', 'Configuration Read Only', 'Environment Admin'], scope: 'environment' },
    'applications:write': { roles: ['Client Application Developer', 'Environment Admin'], scope: 'environment' },
    'roleAssignments:read': { roles: identityRead, scope: 'environment' },
    'roleAssignments:write': { roles: ['Environment Admin'], scope: 'environment' },
    'activities:read': { roles: identityRead, scope: 'environment' },
    'environments:list': { roles: ['Environment Admin', 'Organization Admin'], scope: 'organization' },
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
} as const satisfies Record<string, { roles: readonly string[]; scope: 'environment' | 'organization' }>;

export type Permission = keyof typeof permissions;
