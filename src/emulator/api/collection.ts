import type { RequestContext } from '../http/context.js';
import { halPage, pageOf, readPaging, type PageRules } from './paging.js';
import { matches, parseFilter, type FilterRules } from './scim-filter.js';

/** Lists a small in-memory collection: filter, page, HAL body. */
export function listCollection<T>(
    context: RequestContext,
    options: { collection: string; items: Iterable<T>; rules?: FilterRules; paging?: PageRules; view: (item: T) => unknown; project?: (item: T) => unknown },
): Record<string, unknown> {
    const request = readPaging(context, options.paging ?? { defaultLimit: 100, cap: 1000, maxLimit: 1000 });
    const filterText = context.query.get('filter');
    let items = [...options.items];
    if (filterText !== null && options.rules) {
        const filter = parseFilter(filterText, options.rules);
        items = items.filter((item) => matches(filter, options.project ? options.project(item) : item));
    }
    const page = pageOf(items, request);
    return halPage(context, {
        collection: options.collection,
        items: page.items.map(options.view),
        nextPosition: page.nextPosition,
        previousPosition: page.previousPosition,
        count: page.count,
    });
}
