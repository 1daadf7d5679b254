import type { UserRecord } from '../tenant/records.js';
import type { Tenant } from '../tenant/tenant.js';

/** Counting means generating every user; above this many the count is left out (as PingOne does "when there are many"). */
const countableUsers = 200_000;

export function countUsers(tenant: Tenant, predicate: (record: UserRecord) => boolean): number | undefined {
    const store = tenant.users;
    if (store.upperBound > countableUsers) return undefined;
    let count = 0;
    for (let index = 0; index < store.upperBound; index++) {
        const record = store.at(index);
        if (record && predicate(record)) count++;
    }
    return count;
}

/** The user's groups that still exist (a deleted group drops out of every membership at once). */
export function liveGroupIds(tenant: Tenant, record: UserRecord): string[] {
    return record.groupIds.filter((id) => tenant.groups.has(id));
}
