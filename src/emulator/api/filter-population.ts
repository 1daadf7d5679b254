import type { RequestContext } from '../http/context.js';
import type { PopulationFilter } from '../http/router.js';
import { parseFilter, type FilterNode } from './scim-filter.js';

// A collection call is about one population when its filter says so at the top: `population.id eq "…"`
// (users) or `resources.population.id eq "…"` (audit activities), joined to the rest by `and`. That is
// what lets a POPULATION-scoped role list: PingOne says such a role manages the identities of that
// population "but not in other populations" (https://docs.pingidentity.com/pingone/directory/p1_populations.html),
// and does not document what an unconfined list returns to it, so the emulator refuses one (strict).

function conjuncts(node: FilterNode): FilterNode[] {
    return node.kind === 'and' ? [...conjuncts(node.left), ...conjuncts(node.right)] : [node];
}

/** The population the call's filter confines it to; undefined when it names none, or does not parse (the handler answers that). */
export function filteredPopulation(context: RequestContext, rule: PopulationFilter): string | undefined {
    const text = context.query.get('filter');
    if (text === null) return undefined;
    let filter: FilterNode;
    try {
        filter = parseFilter(text, rule.rules);
    } catch {
        return undefined;
    }
    const term = conjuncts(filter).find(
        (node) => node.kind === 'compare' && node.attribute === rule.attribute && node.operator === 'eq' && typeof node.value === 'string',
    );
    return term?.kind === 'compare' ? String(term.value) : undefined;
}
