import type { Emulation } from '../emulation.js';
import { apiErrors } from '../http/api-error.js';
import type { RequestContext } from '../http/context.js';
import type { Json, UserRecord } from '../tenant/records.js';
import type { Tenant } from '../tenant/tenant.js';

export function tenantOf(emulation: Emulation, context: RequestContext): Tenant {
    const id = context.params.environmentId ?? '';
    const tenant = emulation.world.tenant(id);
    if (!tenant) throw apiErrors.notFound(`environment with ID ${id}`);
    return tenant;
}

export function userOf(tenant: Tenant, context: RequestContext): UserRecord {
    const id = context.params.userId ?? '';
    const user = tenant.users.get(id);
    if (!user) throw apiErrors.notFound(`user with ID ${id}`);
    return user;
}

export function entityOf(map: Map<string, Json>, id: string | undefined, what: string): Json {
    const entity = map.get(id ?? '');
    if (!entity) throw apiErrors.notFound(`${what} with ID ${id ?? ''}`);
    return entity;
}

/** `{origin}/v1/environments/{envId}/{rest}`: the self link of anything inside an environment. */
export function environmentUrl(context: RequestContext, tenant: Tenant, rest = ''): string {
    return `${context.origin}/v1/environments/${tenant.id}${rest ? `/${rest}` : ''}`;
}

/** A copy of a body with `_links` (self first, then the named ones). */
export function withLinks(body: Json, self: string, more: Record<string, string> = {}): Json {
    const links: Record<string, { href: string }> = { self: { href: self } };
    for (const [name, href] of Object.entries(more)) links[name] = { href };
    return { _links: links, ...body };
}

/**
 * Renders, for many ids under one base URL, the JSON text of the `_links` object `withLinks` builds:
 * self is `base + id`, then `self + path` under each name. The constant text is escaped once, so a
 * page of users costs a few concatenations per user.
 */
export function linksJsonRenderer(base: string, more: ReadonlyArray<readonly [string, string]>): (id: string) => string {
    const inner = (text: string) => JSON.stringify(text).slice(1, -1);
    const head = `{"self":{"href":"${inner(base)}`;
    const tails = more.map(([name, path]) => [`"},${JSON.stringify(name)}:{"href":"${inner(base)}`, `${inner(path)}`] as const);
    return (id) => {
        const escapedId = inner(id);
        let text = head + escapedId;
        for (const [before, path] of tails) text += before + escapedId + path;
        return `${text}"}}`;
    };
}

/** `JSON.stringify(withLinks(body, ...))` from the links' JSON text and the body's JSON text without its opening brace. */
export function withLinksJson(links: string, bodyMembers: string): string {
    return bodyMembers === '}' ? `{"_links":${links}}` : `{"_links":${links},${bodyMembers}`;
}
