// Every script, and the integrations it serves. `npm run scripts:entries` writes one entry file per
// integration and script (`connectors/<integration>/<kind>/<name>.ts`) and `connectors/index.ts` from
// this list; the implementation is `connectors/shared/<kind>/<name>.ts`, exporting the camel-cased name.

export const INTEGRATIONS = ['pingone-cc', 'pingone'] as const;
export type ScriptKind = 'syncs' | 'actions' | 'on-events';

export interface CatalogEntry {
    kind: ScriptKind;
    name: string;
    /** Set when only one integration can run it. */
    only?: (typeof INTEGRATIONS)[number];
}

const syncs: CatalogEntry[] = [
    { kind: 'syncs', name: 'users' },
    { kind: 'syncs', name: 'groups' },
    { kind: 'syncs', name: 'group-memberships' },
    { kind: 'syncs', name: 'populations' },
    { kind: 'syncs', name: 'applications' },
    { kind: 'syncs', name: 'user-role-assignments' },
    { kind: 'syncs', name: 'mfa-devices' },
    // Organization level: an authorization-code token is bound to one environment's admin session.
    { kind: 'syncs', name: 'environments', only: 'pingone-cc' },
    { kind: 'syncs', name: 'audit-activities' },
];

const actions: CatalogEntry[] = [
    'create-user',
    'get-user',
    'list-users',
    'update-user',
    'delete-user',
    'enable-user',
    'disable-user',
    'change-user-population',
    'set-user-password',
    'force-password-change',
    'unlock-user',
    'set-mfa-enabled',
    'list-user-mfa-devices',
    'create-group',
    'delete-group',
    'add-user-to-group',
    'remove-user-from-group',
    'list-group-members',
    'create-population',
    'assign-role',
    'remove-role-assignment',
    'list-roles',
].map((name) => ({ kind: 'actions', name }));

/**
 * The self-service actions (an OIDC Web App's p1:* scopes, on the signed-on user; authorization code
 * only). Their definitions declare it (`selfService`), which makes them run on self-service connections
 * only; every other script runs on admin connections only.
 */
export const SELF_SERVICE_ACTIONS = [
    'get-my-profile',
    'update-my-profile',
    'get-my-password-state',
    'change-my-password',
    'list-my-mfa-devices',
    'set-my-mfa-enabled',
] as const;

const selfService: CatalogEntry[] = SELF_SERVICE_ACTIONS.map((name) => ({ kind: 'actions', name, only: 'pingone' }));

const onEvents: CatalogEntry[] = [{ kind: 'on-events', name: 'validate-connection' }];

export const CATALOG: readonly CatalogEntry[] = [...syncs, ...actions, ...selfService, ...onEvents];

/** `group-memberships` → `groupMemberships`: the shared module's export. */
export function exportName(name: string): string {
    return name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

export function entriesFor(integration: (typeof INTEGRATIONS)[number]): CatalogEntry[] {
    return CATALOG.filter((entry) => entry.only === undefined || entry.only === integration);
}
