import type { Emulation } from '../emulation.js';
import type { RequestContext } from '../http/context.js';
import { json, type Reply } from '../http/reply.js';
import { userFilterRules } from './filter-rules.js';
import { tenantOf } from './lookup.js';
import { halPage, readPaging } from './paging.js';
import { matches, parseFilter } from './scim-filter.js';
import { groupRefs, userView } from './user-view.js';

/** How far one filtered page scans before answering short (PingOne answers fewer than `limit` too). */
const scanBudgetPerPage = 20_000;

/** GET /environments/{envId}/users: pages by position in the store's order, generating users as it goes. */
export function listUsers(context: RequestContext, emulation: Emulation): Reply {
    const tenant = tenantOf(emulation, context);
    const request = readPaging(context, { defaultLimit: 100, cap: emulation.userPageCap, maxLimit: 1000 });
    const filterText = context.query.get('filter');
    const filter = filterText === null ? undefined : parseFilter(filterText, userFilterRules);
    const store = tenant.users;
    const exact = filter?.kind === 'compare' && filter.operator === 'eq' && typeof filter.value === 'string' ? filter : undefined;
    if (exact && (exact.attribute === 'username' || exact.attribute === 'id')) {
        // One user at most: a lookup, not a scan of the whole tenant.
        const record = exact.attribute === 'id' ? store.get(exact.value as string) : store.findByUsername(exact.value as string);
        const items = record && request.position === 0 ? [userView(context, tenant, record)] : [];
        return json(200, halPage(context, { collection: 'users', items, count: items.length }));
    }
    const items: unknown[] = [];
    let position = request.position;
    const scanEnd = filter ? Math.min(store.upperBound, position + scanBudgetPerPage) : store.upperBound;
    while (position < scanEnd && items.length < request.size) {
        const record = store.at(position++);
        if (!record) continue;
        if (filter && !matches(filter, record.body, (attribute) => (attribute === 'memberOfGroups' ? groupRefs(tenant, record) : []))) continue;
        items.push(userView(context, tenant, record));
    }
    return json(
        200,
        halPage(context, {
            collection: 'users',
            items,
            nextPosition: position < store.upperBound ? position : undefined,
            // A filtered count would need a scan of the whole tenant per page; PingOne omits count "when there are many".
            count: filter ? undefined : store.size,
        }),
    );
}
