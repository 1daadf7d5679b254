import type { RequestContext } from '../http/context.js';
import type { Json, UserRecord } from '../tenant/records.js';
import type { Tenant } from '../tenant/tenant.js';
import { environmentUrl, linksJsonRenderer, withLinks, withLinksJson } from './lookup.js';
import { liveGroupIds } from './user-counts.js';

// The link set PingOne's user examples show (name, path after the user's self link); each is another
// ~150 bytes per user on the wire.
const userLinks: ReadonlyArray<readonly [string, string]> = [
    ['password', '/password'],
    ['password.set', '/password'],
    ['password.reset', '/password'],
    ['password.verify', '/password'],
    ['password.recover', '/password'],
    ['account.sendVerificationCode', ''],
    ['linkedAccounts', '/linkedAccounts'],
];

function userSelf(context: RequestContext, tenant: Tenant, id: string): string {
    return environmentUrl(context, tenant, `users/${id}`);
}

/** A user as the API returns it: the body with its HAL links. */
export function userView(context: RequestContext, tenant: Tenant, record: UserRecord): Json {
    const self = userSelf(context, tenant, String(record.body.id));
    return withLinks(record.body, self, Object.fromEntries(userLinks.map(([name, path]) => [name, `${self}${path}`])));
}

/**
 * Renders many users as `JSON.stringify(userView(...))` would, from their bodies' JSON text without
 * the opening brace (the users list's fast path).
 */
export function userViewJsonRenderer(context: RequestContext, tenant: Tenant): (id: string, bodyMembers: string) => string {
    const links = linksJsonRenderer(userSelf(context, tenant, ''), userLinks);
    return (id, bodyMembers) => withLinksJson(links(id), bodyMembers);
}

/** The user shape with group refs, as SCIM's `memberOfGroups[id eq "…"]` sees it. */
export function groupRefs(tenant: Tenant, record: UserRecord): Array<{ id: string }> {
    return liveGroupIds(tenant, record).map((id) => ({ id }));
}
