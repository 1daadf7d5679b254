import { apiErrors } from '../http/api-error.js';
import { activityFilterRules } from './filter-rules.js';
import { comparisons, isoTime, parseFilter, type FilterNode } from './scim-filter.js';

// The filters PingOne documents for the audit activities (GET and POST /environments/{envId}/activities,
// https://developer.pingidentity.com/pingone-api/platform/audit-activities/get-user-activities.html and
// https://apidocs.pingidentity.com/pingone/customer/v1/api/guide/p1_auditActivities/): a date range on
// `recordedAt` (or `createdAt`) is required, and the filter "can also include any one of" a population
// ID; an actor ID (and optional population ID); an action type (and optional population ID; `in` per the
// older pages); a resource ID; or a resource type (and optional population ID), all joined by `and`.
// Nothing else is documented, so the emulator refuses anything else (an `or`, two action types
// compared one by one, two narrowing terms) with PingOne's 400 INVALID_FILTER.

type Term = 'range' | 'population' | 'actor' | 'action' | 'resourceId' | 'resourceType';

const rangeOperators = new Set(['gt', 'ge', 'lt', 'le']);

/** Which term a comparison is, by the (rule-spelled) attribute and operator; undefined when undocumented. */
function termOf(attribute: string, operator: string): Term | undefined {
    if (attribute === 'recordedAt' || attribute === 'createdAt') return rangeOperators.has(operator) ? 'range' : undefined;
    if (attribute === 'action.type') return operator === 'eq' || operator === 'in' ? 'action' : undefined;
    if (operator !== 'eq') return undefined;
    const terms: Record<string, Term> = {
        'resources.population.id': 'population',
        'actors.user.id': 'actor',
        'resources.id': 'resourceId',
        'resources.type': 'resourceType',
    };
    return terms[attribute];
}

/** The narrowing term each documented filter may add, and whether a population ID may come with it. */
const withPopulation: Record<Exclude<Term, 'range' | 'population'>, boolean> = {
    actor: true,
    action: true,
    resourceId: false,
    resourceType: true,
};

const supported = {
    supportedAttributes: [...new Set(Object.values(activityFilterRules.operators).flat())],
    supportedOperators: Object.keys(activityFilterRules.operators),
};

function refuse(message: string): never {
    throw apiErrors.invalidData({ code: 'INVALID_FILTER', target: 'filter', message, innerError: supported });
}

/** The comparisons joined by `and` at the top (parentheses around an `and` chain change nothing); an `or` is refused. */
function conjuncts(node: FilterNode): FilterNode[] {
    if (node.kind === 'and') return [...conjuncts(node.left), ...conjuncts(node.right)];
    if (node.kind === 'or') refuse('An audit activities filter joins its terms with "and" only; "or" is not supported.');
    return [node];
}

/** Parses an activities filter and checks that it is one of the documented forms; throws 400 INVALID_FILTER otherwise. */
export function parseActivityFilter(text: string | null): FilterNode {
    if (text === null || text.trim() === '') refuse('The filter is required and must include a date range, e.g. recordedAt gt "2024-01-01T00:00:00Z".');
    const filter = parseFilter(text, activityFilterRules);
    const seen = new Map<Term, number>();
    for (const node of conjuncts(filter)) {
        const term = node.kind === 'compare' ? termOf(node.attribute, node.operator) : undefined;
        if (node.kind !== 'compare' || term === undefined) refuse('This filter term is not one PingOne documents for audit activities.');
        seen.set(term, (seen.get(term) ?? 0) + 1);
    }
    if (!seen.has('range')) refuse('The filter must include a date range, e.g. recordedAt gt "2024-01-01T00:00:00Z".');
    const narrowing = [...seen.keys()].filter((term): term is keyof typeof withPopulation => term in withPopulation);
    if (narrowing.length > 1 || [...seen].some(([term, count]) => term !== 'range' && count > 1)) {
        refuse('Besides the date range, the filter may include only one of: a population ID, an actor ID, an action type, a resource ID or a resource type.');
    }
    const [only] = narrowing;
    if (only !== undefined && seen.has('population') && !withPopulation[only]) refuse('A resource ID cannot be combined with a population ID.');
    for (const comparison of comparisons(filter)) {
        if (rangeOperators.has(comparison.operator) && isoTime(String(comparison.value)) === undefined) {
            refuse(`${comparison.attribute} needs an ISO 8601 date-time; got "${String(comparison.value)}".`);
        }
    }
    return filter;
}
