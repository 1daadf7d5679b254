import type { Emulation } from '../emulation.js';
import type { RequestContext } from '../http/context.js';
import { json, type Reply } from '../http/reply.js';
import type { Route } from '../http/router.js';
import type { Json } from '../tenant/records.js';
import { listCollection } from './collection.js';
import { environmentFilterRules } from './filter-rules.js';
import { tenantOf, withLinks } from './lookup.js';

function environmentView(context: RequestContext, environment: Json): Json {
    const self = `${context.origin}/v1/environments/${String(environment.id)}`;
    return withLinks(environment, self, {
        organization: `${context.origin}/v1/organizations/${String((environment.organization as Json).id)}`,
        populations: `${self}/populations`,
        users: `${self}/users`,
        applications: `${self}/applications`,
        activities: `${self}/activities`,
    });
}

function listEnvironments(context: RequestContext, emulation: Emulation): Reply {
    const environments = [...emulation.world.tenants.values()].map((tenant) => tenant.environment);
    return json(
        200,
        listCollection(context, {
            collection: 'environments',
            items: environments,
            rules: environmentFilterRules,
            paging: { defaultLimit: 1000, cap: 5000, maxLimit: 5000 },
            view: (environment) => environmentView(context, environment),
        }),
    );
}

export const environmentRoutes: Route<Emulation>[] = [
    { method: 'GET', pattern: '/v1/environments', access: 'environments:list', handler: listEnvironments },
    {
        method: 'GET',
        pattern: '/v1/environments/:environmentId',
        access: 'environment:read',
        handler: (context, emulation) => json(200, environmentView(context, tenantOf(emulation, context).environment)),
    },
];
