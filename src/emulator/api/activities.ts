import type { Emulation } from '../emulation.js';
import { apiErrors } from '../http/api-error.js';
import type { RequestContext } from '../http/context.js';
import { json, type Reply } from '../http/reply.js';
import type { Route } from '../http/router.js';
import type { Json } from '../tenant/records.js';
import { activityFilterRules } from './filter-rules.js';
import { environmentUrl, tenantOf, withLinks } from './lookup.js';
import { halPage, pageOf, readPaging } from './paging.js';
import { comparisons, isoTime, matches, parseFilter } from './scim-filter.js';

const rangeOperators = new Set(['gt', 'ge', 'lt', 'le']);

/**
 * GET /environments/{envId}/activities: the audit trail, oldest first. PingOne requires a date range
 * in the filter (`recordedAt gt "…"` or `createdAt …`); without one the answer is 400 INVALID_FILTER.
 */
function listActivities(context: RequestContext, emulation: Emulation): Reply {
    const tenant = tenantOf(emulation, context);
    const request = readPaging(context, { defaultLimit: 100, cap: 1000, maxLimit: 1000 });
    const filterText = context.query.get('filter');
    const filter = filterText === null ? undefined : parseFilter(filterText, activityFilterRules);
    if (!filter || !comparisons(filter).some((comparison) => rangeOperators.has(comparison.operator))) {
        throw apiErrors.invalidData({
            code: 'INVALID_FILTER',
            target: 'filter',
            message: 'The filter must include a date range, e.g. recordedAt gt "2024-01-01T00:00:00Z".',
            innerError: { supportedAttributes: ['recordedAt', 'createdAt'], supportedOperators: [...rangeOperators] },
        });
    }
    for (const comparison of comparisons(filter)) {
        if (rangeOperators.has(comparison.operator) && isoTime(String(comparison.value)) === undefined) {
            throw apiErrors.invalidData({
                code: 'INVALID_FILTER',
                target: 'filter',
                message: `${comparison.attribute} needs an ISO 8601 date-time; got "${String(comparison.value)}".`,
            });
        }
    }
    const page = pageOf(
        tenant.activities.entries.filter((entry) => matches(filter, entry)),
        request,
    );
    const view = (entry: Json) => withLinks(entry, environmentUrl(context, tenant, `activities/${String(entry.id)}`));
    return json(200, halPage(context, { collection: 'activities', items: page.items.map(view), nextPosition: page.nextPosition, count: page.count }));
}

export const activityRoutes: Route<Emulation>[] = [
    { method: 'GET', pattern: '/v1/environments/:environmentId/activities', access: 'activities:read', handler: listActivities },
    {
        method: 'GET',
        pattern: '/v1/environments/:environmentId/activities/:activityId',
        access: 'activities:read',
        handler: (context, emulation) => {
            const tenant = tenantOf(emulation, context);
            const entry = tenant.activities.get(context.params.activityId ?? '');
            if (!entry) throw apiErrors.notFound(`activity with ID ${context.params.activityId ?? ''}`);
            return json(200, withLinks(entry, environmentUrl(context, tenant, `activities/${String(entry.id)}`)));
        },
    },
];
