import type { Emulation } from '../emulation.js';
import { apiErrors } from '../http/api-error.js';
import { formBody, requireContentType, type RequestContext } from '../http/context.js';
import { json, type Reply } from '../http/reply.js';
import type { Route } from '../http/router.js';
import type { Json } from '../tenant/records.js';
import { parseActivityFilter } from './activity-filter.js';
import { activityFilterRules } from './filter-rules.js';
import { environmentUrl, tenantOf, withLinks } from './lookup.js';
import { halPage, pageOf, readPaging } from './paging.js';
import { matches } from './scim-filter.js';

/**
 * GET /environments/{envId}/activities: the audit trail, oldest first, filtered by one of the
 * documented filter forms (activity-filter.ts).
 */
function listActivities(context: RequestContext, emulation: Emulation): Reply {
    const tenant = tenantOf(emulation, context);
    const request = readPaging(context, { defaultLimit: 100, cap: 1000, maxLimit: 1000 });
    const filter = parseActivityFilter(context.query.get('filter'));
    const page = pageOf(
        tenant.activities.entries.filter((entry) => matches(filter, entry)),
        request,
    );
    const view = (entry: Json) => withLinks(entry, environmentUrl(context, tenant, `activities/${String(entry.id)}`));
    return json(
        200,
        halPage(context, {
            collection: 'activities',
            items: page.items.map(view),
            nextPosition: page.nextPosition,
            previousPosition: page.previousPosition,
            count: page.count,
        }),
    );
}

/**
 * POST /environments/{envId}/activities: the same listing with the filter (and limit) in a form body,
 * for filters too long for a query string
 * (https://developer.pingidentity.com/pingone-api/platform/audit-activities/get-user-activities-1.html).
 * Its `next` link is a GET carrying the filter, as every other page link.
 */
function listActivitiesByForm(context: RequestContext, emulation: Emulation): Reply {
    requireContentType(context, ['application/x-www-form-urlencoded']);
    const form = formBody(context);
    return listActivities({ ...context, query: form, search: '' }, emulation);
}

export const activityRoutes: Route<Emulation>[] = [
    {
        method: 'GET',
        pattern: '/v1/environments/:environmentId/activities',
        access: 'activities:read',
        populationFilter: { rules: activityFilterRules, attribute: 'resources.population.id' },
        handler: listActivities,
    },
    { method: 'POST', pattern: '/v1/environments/:environmentId/activities', access: 'activities:read', handler: listActivitiesByForm },
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
