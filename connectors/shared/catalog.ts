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
    /** A sync: how its runs find changes and deletes (docs/scripts.md, `sync <name> --help`). */
    changes?: string;
    /** A sync that also takes PingOne's webhook deliveries (its definition's `webhook`): the entry file passes `onWebhook`. */
    webhooks?: true;
    /** An action: the stable error codes of its own, beside those every call may fail with (ACTION_ERRORS). */
    errors?: readonly string[];
}

/** The stable codes any action may fail with (connectors/shared/errors.ts), beside its own. */
export const ACTION_ERRORS = ['invalid_input', 'missing_role', 'not_found', 'invalid_request', 'unauthorized', 'rate_limited', 'pingone_unavailable'] as const;

const fullScan = 'Every run reads the whole collection, page by page (a stopped run resumes at its page); a record not seen by a completed scan is deleted.';

const syncs: CatalogEntry[] = [
    {
        kind: 'syncs',
        name: 'users',
        webhooks: true,
        changes:
            'The first run reads every user (resumable page by page). Later runs read the audit log since the last run (10 minutes of overlap, `auditLookbackMinutes`), re-read only the users it names and delete the deleted ones. A full reconciliation every `fullReconciliationHours` (default 24) reads everything again; a user it did not see is read once more and deleted only if PingOne no longer has them. Pushed changes: with a webhook subscription of the user event types, each delivery re-reads the users it names (`onWebhook`; locally `pingone-connector listen`), within seconds; the audit-log runs stay as the safety net for a lost delivery.',
    },
    { kind: 'syncs', name: 'groups', changes: fullScan },
    {
        kind: 'syncs',
        name: 'group-memberships',
        changes: `${fullScan} Members are read group by group, 4 requests at a time, paced to \`maxRequestsPerSecond\`.`,
    },
    { kind: 'syncs', name: 'populations', changes: fullScan },
    { kind: 'syncs', name: 'applications', changes: fullScan },
    {
        kind: 'syncs',
        name: 'user-role-assignments',
        changes: `${fullScan} Assignments are read user by user, 4 requests at a time, paced to \`maxRequestsPerSecond\`.`,
    },
    { kind: 'syncs', name: 'mfa-devices', changes: `${fullScan} Devices are read user by user, 4 requests at a time, paced to \`maxRequestsPerSecond\`.` },
    // Organization level: an authorization-code token is bound to one environment's admin session.
    { kind: 'syncs', name: 'environments', only: 'pingone-cc', changes: fullScan },
    {
        kind: 'syncs',
        name: 'audit-activities',
        changes:
            'Append-only: each run reads the activities recorded since the last one (a date range, as PingOne requires) and adds them; nothing is ever deleted.',
    },
    { kind: 'syncs', name: 'user-schema-attributes', changes: fullScan },
    { kind: 'syncs', name: 'group-nesting', changes: `${fullScan} Nestings are read group by group, 4 requests at a time, paced to \`maxRequestsPerSecond\`.` },
    { kind: 'syncs', name: 'sign-on-policies', changes: fullScan },
    { kind: 'syncs', name: 'identity-providers', changes: fullScan },
    { kind: 'syncs', name: 'custom-roles', changes: fullScan },
];

const actions: CatalogEntry[] = [
    { name: 'create-user', errors: ['user_exists'] },
    { name: 'get-user' },
    { name: 'list-users' },
    { name: 'update-user' },
    { name: 'delete-user' },
    { name: 'enable-user' },
    { name: 'disable-user' },
    { name: 'change-user-population' },
    { name: 'set-user-password' },
    { name: 'force-password-change' },
    { name: 'unlock-user' },
    { name: 'set-mfa-enabled' },
    { name: 'list-user-mfa-devices' },
    { name: 'create-group' },
    { name: 'delete-group' },
    { name: 'add-user-to-group', errors: ['already_member'] },
    { name: 'remove-user-from-group' },
    { name: 'list-group-members' },
    { name: 'create-population' },
    { name: 'assign-role', errors: ['role_not_assignable'] },
    { name: 'remove-role-assignment' },
    { name: 'list-roles' },
    { name: 'get-user-schema', errors: ['user_schema_not_found'] },
    { name: 'list-user-sessions' },
    { name: 'revoke-user-session' },
    { name: 'revoke-user-sessions', errors: ['partially_done'] },
    { name: 'get-mfa-device' },
    { name: 'delete-mfa-device' },
    { name: 'unlock-mfa-device' },
    { name: 'reset-user-mfa', errors: ['partially_done'] },
    { name: 'set-mfa-device-order' },
    { name: 'remove-mfa-device-order' },
    { name: 'lock-user-account' },
    { name: 'unlock-user-account' },
    { name: 'send-user-verification-code' },
    { name: 'verify-user', errors: ['invalid_code'] },
    { name: 'send-password-recovery', errors: ['recovery_not_possible'] },
    { name: 'send-email-verification' },
    { name: 'create-subscription', errors: ['subscription_limit'] },
    { name: 'get-subscription' },
    { name: 'list-subscriptions' },
    { name: 'update-subscription' },
    { name: 'delete-subscription' },
    { name: 'get-group' },
    { name: 'update-group' },
    { name: 'list-user-groups' },
    { name: 'add-nested-group', errors: ['already_nested'] },
    { name: 'remove-nested-group' },
    { name: 'list-nested-groups' },
    { name: 'list-group-role-assignments' },
    { name: 'assign-group-role', errors: ['role_not_assignable'] },
    { name: 'remove-group-role-assignment' },
    { name: 'get-application-access' },
    { name: 'set-application-access' },
    { name: 'check-application-access' },
    { name: 'list-application-role-assignments' },
    { name: 'list-linked-accounts' },
    { name: 'unlink-account' },
    { name: 'list-application-roles' },
    { name: 'list-user-application-roles' },
    { name: 'assign-user-application-role', errors: ['already_assigned', 'application_role_not_found'] },
    { name: 'remove-user-application-role' },
].map((entry) => ({ kind: 'actions', ...entry }));

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
    'get-my-mfa-device',
    'delete-my-mfa-device',
    'list-my-sessions',
    'revoke-my-session',
] as const;

// A token without the scope an action needs is refused with `missing_scope` (errors.ts), not `missing_role`.
const selfService: CatalogEntry[] = SELF_SERVICE_ACTIONS.map((name) => ({ kind: 'actions', name, only: 'pingone', errors: ['missing_scope'] }));

const onEvents: CatalogEntry[] = [{ kind: 'on-events', name: 'validate-connection' }];

export const CATALOG: readonly CatalogEntry[] = [...syncs, ...actions, ...selfService, ...onEvents];

/** `group-memberships` → `groupMemberships`: the shared module's export. */
export function exportName(name: string): string {
    return name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

export function entriesFor(integration: (typeof INTEGRATIONS)[number]): CatalogEntry[] {
    return CATALOG.filter((entry) => entry.only === undefined || entry.only === integration);
}
