import type { Emulation } from '../emulation.js';
import type { RequestContext } from '../http/context.js';
import { jsonText, type Reply } from '../http/reply.js';
import { userFilterRules } from './filter-rules.js';
import { tenantOf } from './lookup.js';
import { halPageJson, readPaging } from './paging.js';
import { matches, parseFilter } from './scim-filter.js';
import { groupRefs, userViewJsonRenderer } from './user-view.js';

/** How far one filtered page scans before answering short (PingOne answers fewer than `limit` too). */
const scanBudgetPerPage = 20_000;

/**
 * GET /environments/{envId}/users: pages by position in the store's order, generating users as it goes.
 * The page is assembled from JSON text: an unfiltered page never builds a user object (the sync
 * benchmark's floor walks these pages, and the emulator must not be what it measures).
 */
export function listUsers(context: RequestContext, emulation: Emulation): Reply {
    const tenant = tenantOf(emulation, context);
    const request = readPaging(context, { defaultLimit: 100, cap: emulation.userPageCap, maxLimit: 1000 });
    const filterText = context.query.get('filter');
    const filter = filterText === null ? undefined : parseFilter(filterText, userFilterRules);
    const store = tenant.users;
    const view = userViewJsonRenderer(context, tenant);
    const item = (body: { id?: unknown }) => view(String(body.id), JSON.stringify(body).slice(1));
    const exact = filter?.kind === 'compare' && filter.operator === 'eq' && typeof filter.value === 'string' ? filter : undefined;
    if (exact && (exact.attribute === 'username' || exact.attribute === 'id')) {
        // One user at most: a lookup, not a scan of the whole tenant.
        const record = exact.attribute === 'id' ? store.get(exact.value as string) : store.findByUsername(exact.value as string);
        const items = record && request.position === 0 ? [item(record.body)] : [];
        return jsonText(200, halPageJson(context, { collection: 'users', items, count: items.length }));
    }
    // A population's users are found without generating the others (a scan split by population reads each population at once).
    const population = exact?.attribute === 'population.id' ? String(exact.value) : undefined;
    const items: string[] = [];
    let position = request.position;
    const scanEnd = filter ? Math.min(store.upperBound, position + scanBudgetPerPage) : store.upperBound;
    while (position < scanEnd && items.length < request.size) {
        const index = position++;
        if (population !== undefined && store.populationIdAt(index) !== population) continue;
        // `population.id eq` alone is decided by that check: the user's text is the generated one, as
        // on an unfiltered page, with no user object built and stringified again.
        if (filter && population === undefined) {
            const record = store.at(index);
            if (record && matches(filter, record.body, (attribute) => (attribute === 'memberOfGroups' ? groupRefs(tenant, record) : []))) {
                items.push(item(record.body));
            }
            continue;
        }
        const user = store.jsonAt(index);
        if (user) items.push(view(user.id, user.members));
    }
    return jsonText(
        200,
        halPageJson(context, {
            collection: 'users',
            items,
            nextPosition: position < store.upperBound ? position : undefined,
            // A filtered count would need a scan of the whole tenant per page; PingOne omits count "when there are many".
            count: filter ? undefined : store.size,
        }),
    );
}
