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

const onEvents: CatalogEntry[] = [{ kind: 'on-events', name: 'validate-connection' }];

export const CATALOG: readonly CatalogEntry[] = [...syncs, ...actions, ...onEvents];

/** `group-memberships` → `groupMemberships`: the shared module's export. */
export function exportName(name: string): string {
    return name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

export function entriesFor(integration: (typeof INTEGRATIONS)[number]): CatalogEntry[] {
    return CATALOG.filter((entry) => entry.only === undefined || entry.only === integration);
}
