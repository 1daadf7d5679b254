// Subscriptions (webhooks): create, read all, read one, update (PUT) and delete, as PingOne's pages
// describe them (https://developer.pingidentity.com/pingone-api/platform/subscriptions-webhooks.html and
// its operation pages). No PATCH is documented, so none is served (405).
import type { Emulation } from '../emulation.js';
import { ApiError } from '../http/api-error.js';
import { jsonBody, requireContentType, type RequestContext } from '../http/context.js';
import { created, json, noContent, type Reply } from '../http/reply.js';
import type { Route } from '../http/router.js';
import { randomUuid } from '../random.js';
import { nowIso, type Json } from '../tenant/records.js';
import type { Tenant } from '../tenant/tenant.js';
import { subscriptionBody } from '../webhooks/subscription-body.js';
import { listCollection } from './collection.js';
import { entityOf, environmentUrl, tenantOf, withLinks } from './lookup.js';

/** "The service supports a maximum of 50 subscriptions. Attempts to create more than 50 subscriptions result in a 403 Forbidden error." */
const MAX_SUBSCRIPTIONS = 50;

const base = '/v1/environments/:environmentId/subscriptions';
const one = `${base}/:subscriptionId`;

function view(context: RequestContext, tenant: Tenant, subscription: Json): Json {
    return withLinks(subscription, environmentUrl(context, tenant, `subscriptions/${String(subscription.id)}`), {
        environment: environmentUrl(context, tenant),
    });
}

function subscriptionOf(tenant: Tenant, context: RequestContext): Json {
    return entityOf(tenant.subscriptions, context.params.subscriptionId, 'subscription');
}

function create(context: RequestContext, emulation: Emulation): Reply {
    const tenant = tenantOf(emulation, context);
    requireContentType(context, ['application/json']);
    if (tenant.subscriptions.size >= MAX_SUBSCRIPTIONS) {
        throw new ApiError(403, 'ACCESS_FAILED', `The service supports a maximum of ${MAX_SUBSCRIPTIONS} subscriptions.`);
    }
    const now = nowIso();
    const subscription: Json = {
        id: randomUuid(),
        environment: { id: tenant.id },
        ...subscriptionBody(tenant, jsonBody(context)),
        createdAt: now,
        updatedAt: now,
    };
    tenant.subscriptions.set(String(subscription.id), subscription);
    emulation.webhooks.changed(tenant, String(subscription.id));
    return created(view(context, tenant, subscription));
}

/** PUT replaces every mutable attribute; the update page's request model is the create page's. */
function replace(context: RequestContext, emulation: Emulation): Reply {
    const tenant = tenantOf(emulation, context);
    requireContentType(context, ['application/json']);
    const existing = subscriptionOf(tenant, context);
    const id = String(existing.id);
    const updated: Json = {
        id,
        environment: existing.environment,
        ...subscriptionBody(tenant, jsonBody(context)),
        createdAt: existing.createdAt,
        updatedAt: nowIso(),
    };
    tenant.subscriptions.set(id, updated);
    // Enabled again, a suspended subscription delivers the events it kept.
    emulation.webhooks.changed(tenant, id);
    return json(200, view(context, tenant, updated));
}

function remove(context: RequestContext, emulation: Emulation): Reply {
    const tenant = tenantOf(emulation, context);
    const id = String(subscriptionOf(tenant, context).id);
    tenant.subscriptions.delete(id);
    // Its queue stops in the background: a delivery in flight must not hold this answer.
    void emulation.webhooks.removed(id);
    return noContent();
}

export const subscriptionRoutes: Route<Emulation>[] = [
    {
        method: 'GET',
        pattern: base,
        access: 'subscriptions:read',
        handler: (context, emulation) => {
            const tenant = tenantOf(emulation, context);
            return json(
                200,
                listCollection(context, { collection: 'subscriptions', items: tenant.subscriptions.values(), view: (item) => view(context, tenant, item) }),
            );
        },
    },
    { method: 'POST', pattern: base, access: 'subscriptions:write', handler: create },
    {
        method: 'GET',
        pattern: one,
        access: 'subscriptions:read',
        handler: (context, emulation) => {
            const tenant = tenantOf(emulation, context);
            return json(200, view(context, tenant, subscriptionOf(tenant, context)));
        },
    },
    { method: 'PUT', pattern: one, access: 'subscriptions:write', handler: replace },
    { method: 'DELETE', pattern: one, access: 'subscriptions:write', handler: remove },
];
