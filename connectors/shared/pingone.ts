// What PingOne is, as the scripts need it. Regions, the role table and the audit action types come
// from providers.extensions.yaml through the compiler (pingone.generated.ts: scripts may import only
// relative files); this file names them in the scripts' words.
import { ROLE_TABLE, TLDS, type Tld } from './pingone.generated.js';

export { TLDS, type Tld };

/** The roles that allow each kind of call, as PingOne's built-in role names. */
export const ROLES = {
    identityRead: ROLE_TABLE['read-identity-data'].roles,
    identityWrite: ROLE_TABLE['write-identity-data'].roles,
    applicationsRead: ROLE_TABLE['read-applications'].roles,
    roleAssignmentsRead: ROLE_TABLE['read-role-assignments'].roles,
    roleAssignmentsWrite: ROLE_TABLE['write-role-assignments'].roles,
    auditRead: ROLE_TABLE['read-audit-activities'].roles,
    environmentsList: ROLE_TABLE['list-environments'].roles,
    rolesList: ROLE_TABLE['list-roles'].roles,
    subscriptionsRead: ROLE_TABLE['read-subscriptions'].roles,
    subscriptionsWrite: ROLE_TABLE['write-subscriptions'].roles,
    applicationsWrite: ROLE_TABLE['write-applications'].roles,
    configurationRead: ROLE_TABLE['read-configuration'].roles,
    applicationRolesRead: ROLE_TABLE['read-application-roles'].roles,
    applicationRolesWrite: ROLE_TABLE['write-application-roles'].roles,
} as const satisfies Record<string, readonly string[]>;

export type RoleNeed = keyof typeof ROLES;

/** Where a role must be granted for the call: the environment, or (listing environments) the organization. */
export function grantedWhere(need: RoleNeed): string {
    return need === 'environmentsList' ? 'at organization scope' : 'in this environment';
}

/**
 * The vendor content types that select an operation on a user or their password:
 * https://apidocs.pingidentity.com/pingone/customer/v1/api/man/p1_Users/
 */
export const CONTENT_TYPES = {
    userImport: 'application/vnd.pingidentity.user.import+json',
    passwordSet: 'application/vnd.pingidentity.password.set+json',
    passwordReset: 'application/vnd.pingidentity.password.reset+json',
    passwordForceChange: 'application/vnd.pingidentity.password.forceChange',
    passwordUnlock: 'application/vnd.pingidentity.password.unlock+json',
} as const;

/** Page size asked for; PingOne may return fewer, so paging follows `_links.next` only. */
export const PAGE_SIZE = 100;
/**
 * Users a page: PingOne's documented maximum for /users, half the requests of PAGE_SIZE for a full scan:
 * https://developer.pingidentity.com/pingone-api/platform/reference/paging-ordering-collections.html
 */
export const USERS_PAGE_SIZE = 200;
/** A fan-out's pace unless connection metadata sets `maxRequestsPerSecond`: about half PingOne's default per-IP share. */
export const FAN_OUT_LIMITS = { concurrency: 4, perSecond: 50 } as const;

/**
 * The users filter that confines a list to one population: `population.id eq` is documented
 * (https://docs.pingidentity.com/pingone/directory/p1_scim_filter_language.html).
 */
export function populationFilter(populationId: string): string {
    return `population.id eq "${populationId}"`;
}
