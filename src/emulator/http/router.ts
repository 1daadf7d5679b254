import type { FilterRules } from '../api/scim-filter.js';
import type { Permission } from '../tenant/role-definitions.js';
import type { RequestContext } from './context.js';
import type { Reply } from './reply.js';

/**
 * Who may call a route: `public` (the auth server authenticates clients itself), `token` (any valid
 * access token) or a permission from the roles table.
 */
export type Access = 'public' | 'token' | Permission;

/**
 * How a self-service token (an OIDC Web App's, carrying self-management scopes) may make the call: with
 * this scope, on the signed-on user alone, and (where the operation is picked by Content-Type) only
 * with these content types.
 */
export interface SelfAccess {
    scope: string;
    contentTypes?: readonly string[];
}

/** A collection route whose filter may confine it to one population (api/filter-population.ts). */
export interface PopulationFilter {
    rules: FilterRules;
    /** The attribute that names the population, e.g. `population.id`. */
    attribute: string;
}

export interface Route<S> {
    method: string;
    /** Path with `:name` segments, e.g. `/v1/environments/:environmentId/users/:userId`. */
    pattern: string;
    access: Access;
    self?: SelfAccess;
    /** For a POPULATION-scoped role: how the call names the one population it is about. */
    populationFilter?: PopulationFilter;
    handler: (context: RequestContext, services: S) => Reply | Promise<Reply>;
}

export type RouteMatch<S> = { route: Route<S>; params: Record<string, string> } | { allowed: string[] } | undefined;

interface CompiledRoute<S> {
    route: Route<S>;
    segments: string[];
}

/** Matches a path to a route; a path served under other methods yields the allowed list (405). */
export class Router<S> {
    private readonly routes: CompiledRoute<S>[] = [];

    add(routes: Route<S>[]): this {
        for (const route of routes) this.routes.push({ route, segments: route.pattern.split('/').slice(1) });
        return this;
    }

    get all(): readonly Route<S>[] {
        return this.routes.map((compiled) => compiled.route);
    }

    match(method: string, path: string): RouteMatch<S> {
        const parts = path.split('/').slice(1);
        const allowed: string[] = [];
        for (const { route, segments } of this.routes) {
            const params = matchSegments(segments, parts);
            if (!params) continue;
            if (route.method === method) return { route, params };
            allowed.push(route.method);
        }
        return allowed.length > 0 ? { allowed } : undefined;
    }
}

function matchSegments(segments: string[], parts: string[]): Record<string, string> | undefined {
    if (segments.length !== parts.length) return undefined;
    const params: Record<string, string> = {};
    for (let i = 0; i < segments.length; i++) {
        const segment = segments[i] as string;
        const part = parts[i] as string;
        if (segment.startsWith(':')) {
            if (part === '') return undefined;
            try {
                params[segment.slice(1)] = decodeURIComponent(part);
            } catch {
                return undefined;
            }
        } else if (segment !== part) {
            return undefined;
        }
    }
    return params;
}
