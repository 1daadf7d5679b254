import type { RequestContext } from '../http/context.js';
import type { Json, UserRecord } from '../tenant/records.js';
import type { Tenant } from '../tenant/tenant.js';
import { environmentUrl, withLinks } from './lookup.js';
import { liveGroupIds } from './user-counts.js';

/** A user as the API returns it: the body with its HAL links. */
export function userView(context: RequestContext, tenant: Tenant, record: UserRecord): Json {
    const self = environmentUrl(context, tenant, `users/${String(record.body.id)}`);
    // The link set PingOne's user examples show; each is another ~150 bytes per user on the wire.
    return withLinks(record.body, self, {
        password: `${self}/password`,
        'password.set': `${self}/password`,
        'password.reset': `${self}/password`,
        'password.verify': `${self}/password`,
        'password.recover': `${self}/password`,
        'account.sendVerificationCode': self,
        linkedAccounts: `${self}/linkedAccounts`,
    });
}

/** The user shape with group refs, as SCIM's `memberOfGroups[id eq "…"]` sees it. */
export function groupRefs(tenant: Tenant, record: UserRecord): Array<{ id: string }> {
    return liveGroupIds(tenant, record).map((id) => ({ id }));
}
