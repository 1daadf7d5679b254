// What PingOne is, as the scripts need it: regions, the roles each kind of call needs, and the audit
// action types that mean "this user changed". Scripts may import only relative files (Nango's rule),
// so these facts live here rather than in the package's definitions; they agree with
// providers.extensions.yaml and docs/ARCHITECTURE.md ("Roles").

export const TLDS = ['com', 'ca', 'eu', 'com.au', 'sg', 'asia'] as const;
export type Tld = (typeof TLDS)[number];

/** The roles that allow each kind of call, as PingOne's built-in role names. */
export const ROLES = {
    identityRead: ['Identity Data Read Only', 'Identity Data Admin', 'Environment Admin'],
    identityWrite: ['Identity Data Admin', 'Environment Admin'],
    applicationsRead: ['Client Application Developer', 'Configuration Read Only', 'Environment Admin'],
    roleAssignmentsRead: ['Identity Data Read Only', 'Identity Data Admin', 'Environment Admin'],
    roleAssignmentsWrite: ['Environment Admin'],
    auditRead: ['Identity Data Read Only', 'Identity Data Admin', 'Environment Admin'],
    environmentsList: ['Environment Admin', 'Organization Admin'],
    rolesList: [],
} as const satisfies Record<string, readonly string[]>;

export type RoleNeed = keyof typeof ROLES;

/** Where a role must be granted for the call: the environment, or (listing environments) the organization. */
export function grantedWhere(need: RoleNeed): string {
    return need === 'environmentsList' ? 'at organization scope' : 'in this environment';
}

/**
 * Audit `action.type` values after which a user must be re-read (or, if gone, deleted). PingOne's
 * docs confirm USER.CREATED/UPDATED/DELETED; the rest follow its RESOURCE.VERB naming.
 */
export const USER_CHANGE_ACTIONS = [
    'USER.CREATED',
    'USER.UPDATED',
    'USER.DELETED',
    'USER.ENABLED',
    'USER.DISABLED',
    'USER.POPULATION_CHANGED',
    'USER.MFA_ENABLED_CHANGED',
    'USER.LOCKED',
    'USER.UNLOCKED',
    'GROUP_MEMBERSHIP.CREATED',
    'GROUP_MEMBERSHIP.DELETED',
] as const;

/** The vendor content types that select an operation on a user or their password (NOTES §6). */
export const CONTENT_TYPES = {
    userImport: 'application/vnd.pingidentity.user.import+json',
    passwordSet: 'application/vnd.pingidentity.password.set+json',
    passwordForceChange: 'application/vnd.pingidentity.password.forceChange',
    passwordUnlock: 'application/vnd.pingidentity.password.unlock+json',
} as const;

/** Page size asked for; PingOne may return fewer, so paging follows `_links.next` only. */
export const PAGE_SIZE = 100;
/** A fan-out's pace unless connection metadata sets `maxRequestsPerSecond`: about half PingOne's default per-IP share. */
export const FAN_OUT_LIMITS = { concurrency: 4, perSecond: 50 } as const;
