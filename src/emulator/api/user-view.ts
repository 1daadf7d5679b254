import type { RequestContext } from '../http/context.js';
import type { Json, UserRecord } from '../tenant/records.js';
import type { Tenant } from '../tenant/tenant.js';
import { environmentUrl, withLinks } from './lookup.js';
import { liveGroupIds } from './user-counts.js';

/** A user as the API returns it: the body with its HAL links. */
export function userView(context: RequestContext, tenant: Tenant, record: UserRecord): Json {
    const self = environmentUrl(context, tenant, `users/${String(record.body.id)}`);
    return withLinks(record.body, self, {
        password: `${self}/password`,
        'password.set': `${self}/password`,
        'password.check': `${self}/password`,
        'password.recover': `${self}/password`,
        'account.sendVerificationCode': self,
        linkedAccounts: `${self}/linkedAccounts`,
        memberOfGroups: `${self}/memberOfGroups`,
        roleAssignments: `${self}/roleAssignments`,
        devices: `${self}/devices`,
        population: environmentUrl(context, tenant, `populations/${String((record.body.population as Json).id)}`),
        environment: environmentUrl(context, tenant),
    });
}

/** The user shape with group refs, as SCIM's `memberOfGroups[id eq "…"]` sees it. */
export function groupRefs(tenant: Tenant, record: UserRecord): Array<{ id: string }> {
    return liveGroupIds(tenant, record).map((id) => ({ id }));
}
