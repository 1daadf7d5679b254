// A user's links to external identity provider accounts
// (https://developer.pingidentity.com/pingone-api/platform/users/linked-accounts.html): list, read one,
// create (the `account.link` content type, https://developer.pingidentity.com/pingone-api/platform/users/linked-accounts/create-linked-account.html)
// and delete (204, https://developer.pingidentity.com/pingone-api/platform/users/linked-accounts/delete-linked-account.html).
import type { Emulation } from '../emulation.js';
import { apiErrors } from '../http/api-error.js';
import { jsonBody, requireContentType, type RequestContext } from '../http/context.js';
import { created, json, noContent, type Reply } from '../http/reply.js';
import type { Route } from '../http/router.js';
import { randomUuid } from '../random.js';
import { activityTypes, type ActivityType } from '../tenant/activity-types.js';
import { nowIso, type Json, type UserRecord } from '../tenant/records.js';
import type { Tenant } from '../tenant/tenant.js';
import { auditUser } from './audit.js';
import { listCollection } from './collection.js';
import { environmentUrl, tenantOf, userOf, withLinks } from './lookup.js';

const LINK_CONTENT_TYPE = 'application/vnd.pingidentity.account.link+json';

function linkedAccountsOf(tenant: Tenant, userId: string): Json[] {
    let list = tenant.linkedAccounts.get(userId);
    if (!list) {
        list = [];
        tenant.linkedAccounts.set(userId, list);
    }
    return list;
}

function linkView(context: RequestContext, tenant: Tenant, userId: string, link: Json): Json {
    const user = environmentUrl(context, tenant, `users/${userId}`);
    return withLinks(link, `${user}/linkedAccounts/${String(link.id)}`, { environment: environmentUrl(context, tenant), user });
}

function audit(tenant: Tenant, context: RequestContext, type: ActivityType, record: UserRecord, link: Json): void {
    auditUser(tenant, context, type, record, `${type} for ${String(record.body.username)}`, [
        { type: 'LINKED_ACCOUNT', id: String(link.id), name: String(link.externalId) },
    ]);
}

function linkOf(tenant: Tenant, context: RequestContext, record: UserRecord): Json {
    const id = context.params.linkedAccountId ?? '';
    const link = linkedAccountsOf(tenant, String(record.body.id)).find((candidate) => candidate.id === id);
    if (!link) throw apiErrors.notFound(`linked account with ID ${id}`);
    return link;
}

function link(context: RequestContext, emulation: Emulation): Reply {
    const tenant = tenantOf(emulation, context);
    requireContentType(context, [LINK_CONTENT_TYPE]);
    const record = userOf(tenant, context);
    const body = jsonBody(context);
    const providerId = (body.identityProvider as Json | undefined)?.id;
    if (typeof providerId !== 'string') throw apiErrors.required('identityProvider.id');
    if (!tenant.identityProviders.has(providerId)) throw apiErrors.invalidValue('identityProvider.id', `No identity provider with ID ${providerId} exists.`);
    if (typeof body.externalId !== 'string' || body.externalId === '') throw apiErrors.required('externalId');
    const userId = String(record.body.id);
    const list = linkedAccountsOf(tenant, userId);
    if (list.some((other) => (other.identityProvider as Json).id === providerId)) {
        throw apiErrors.invalidData({
            code: 'UNIQUENESS_VIOLATION',
            target: 'identityProvider.id',
            message: 'The user already has an account linked at this identity provider.',
        });
    }
    const now = nowIso();
    const linked: Json = {
        id: randomUuid(),
        environment: { id: tenant.id },
        user: { id: userId },
        identityProvider: { id: providerId },
        externalId: body.externalId,
        createdAt: now,
        updatedAt: now,
    };
    list.push(linked);
    audit(tenant, context, activityTypes.accountLinked, record, linked);
    return created(linkView(context, tenant, userId, linked));
}

const base = '/v1/environments/:environmentId/users/:userId/linkedAccounts';

export const linkedAccountRoutes: Route<Emulation>[] = [
    {
        method: 'GET',
        pattern: base,
        access: 'identity:read',
        handler: (context, emulation) => {
            const tenant = tenantOf(emulation, context);
            const userId = String(userOf(tenant, context).body.id);
            return json(
                200,
                listCollection(context, {
                    collection: 'linkedAccounts',
                    items: linkedAccountsOf(tenant, userId),
                    view: (item) => linkView(context, tenant, userId, item),
                }),
            );
        },
    },
    { method: 'POST', pattern: base, access: 'identity:write', handler: link },
    {
        method: 'GET',
        pattern: `${base}/:linkedAccountId`,
        access: 'identity:read',
        handler: (context, emulation) => {
            const tenant = tenantOf(emulation, context);
            const record = userOf(tenant, context);
            return json(200, linkView(context, tenant, String(record.body.id), linkOf(tenant, context, record)));
        },
    },
    {
        method: 'DELETE',
        pattern: `${base}/:linkedAccountId`,
        access: 'identity:write',
        handler: (context, emulation) => {
            const tenant = tenantOf(emulation, context);
            const record = userOf(tenant, context);
            const linked = linkOf(tenant, context, record);
            const list = linkedAccountsOf(tenant, String(record.body.id));
            list.splice(list.indexOf(linked), 1);
            audit(tenant, context, activityTypes.accountUnlinked, record, linked);
            return noContent();
        },
    },
];
