import type { Emulation } from '../emulation.js';
import { apiErrors } from '../http/api-error.js';
import { header, type Actor, type RequestContext } from '../http/context.js';
import type { PopulationFilter, SelfAccess } from '../http/router.js';
import { isLive } from '../auth/tokens.js';
import { scopeList } from '../auth/scopes.js';
import { permissions, type Permission } from '../tenant/role-definitions.js';
import type { Json } from '../tenant/records.js';
import type { Tenant } from '../tenant/tenant.js';
import { filteredPopulation } from './filter-population.js';
import { heldAssignments } from './held-roles.js';

// Whose rights a token carries (https://developer.pingidentity.com/pingone-api/foundations/authentication-concepts/authorization-and-authentication-by-application-type/worker-applications.html):
// a Worker app's client-credentials token carries the app's role assignments; a Worker app's
// authorization-code token the signed-on user's; any other app's token (an OIDC Web App's) no roles,
// only the self-management scopes granted to it, acting on the signed-on user alone
// (https://developer.pingidentity.com/pingone-api/foundations/pingone-roles-scopes-and-permissions/access-services-through-scopes-and-roles/pingone-self-management-scopes.html).

/** Checks the bearer token: signature, expiry, revocation, and that its client (and user) still may act. */
export function authenticate(emulation: Emulation, context: RequestContext): Actor {
    const authorization = header(context, 'authorization');
    if (!authorization?.toLowerCase().startsWith('bearer ')) throw apiErrors.invalidToken('An access token is required: send Authorization: Bearer <token>.');
    const claims = emulation.key.verify(authorization.slice(7).trim());
    if (!claims) throw apiErrors.invalidToken('The access token is not valid.');
    if (!isLive(emulation, claims)) throw apiErrors.invalidToken('The access token has expired.');
    const tokenId = String(claims.jti);
    const environmentId = String(claims.env);
    const clientId = String(claims.client_id);
    const tenant = emulation.world.tenant(environmentId);
    const application = tenant?.applications.get(clientId);
    if (!tenant || !application || application.body.enabled !== true)
        throw apiErrors.invalidToken('The application of this access token is disabled or deleted.');
    const appType = String(application.body.type);
    const scopes = typeof claims.scope === 'string' ? scopeList(claims.scope) : [];
    if (claims.sub === clientId) return { kind: 'application', clientId, environmentId, tokenId, appType, scopes };
    const user = tenant.users.get(String(claims.sub));
    if (!user || user.body.enabled !== true) throw apiErrors.invalidToken('The user of this access token is disabled or deleted.');
    return { kind: 'user', clientId, environmentId, userId: String(claims.sub), tokenId, appType, scopes };
}

/** Whether the token acts with self-management scopes (a user signed on through a non-Worker app) rather than roles. */
function isSelfService(actor: Actor): boolean {
    return actor.kind === 'user' && actor.appType !== 'WORKER';
}

/** The population the call is about, when it names one user or one population, or its filter confines it to one. */
function targetPopulation(tenant: Tenant | undefined, context: RequestContext, populationFilter: PopulationFilter | undefined): string | undefined {
    const { userId, populationId } = context.params;
    if (populationId !== undefined) return populationId;
    if (populationFilter !== undefined) return filteredPopulation(context, populationFilter);
    if (userId === undefined || !tenant) return undefined;
    return (tenant.users.get(userId)?.body.population as Json | undefined)?.id as string | undefined;
}

/**
 * Refuses (403 ACCESS_FAILED / INSUFFICIENT_PERMISSIONS) an actor without a role that allows the call,
 * granted at a scope that covers the environment (or, for organization-level calls, the organization).
 * A POPULATION-scoped role covers the calls on one user of that population, on the population itself,
 * and the lists confined to it by their filter.
 */
function authorizeRoles(emulation: Emulation, actor: Actor, route: AuthorizedRoute, context: RequestContext): void {
    const permission = route.access;
    const rule = permissions[permission];
    const environmentId = context.params.environmentId;
    const organizationId = emulation.world.organizationId;
    const tenant = environmentId === undefined ? undefined : emulation.world.tenant(environmentId);
    const principal = actor.userId ?? actor.clientId;
    const assignments = heldAssignments(emulation.world.tenant(actor.environmentId), principal);
    const allowed = assignments.some((assignment) => {
        const roleName = emulation.world.roleName(String((assignment.role as Json).id));
        if (!roleName || !(rule.roles as readonly string[]).includes(roleName)) return false;
        const scope = assignment.scope as { type: string; id: string };
        if (scope.type === 'ORGANIZATION' && scope.id === organizationId) return true;
        if (rule.scope !== 'environment') return false;
        if (scope.type === 'ENVIRONMENT') return scope.id === environmentId;
        return (
            scope.type === 'POPULATION' && tenant?.populations.has(scope.id) === true && targetPopulation(tenant, context, route.populationFilter) === scope.id
        );
    });
    if (!allowed) throw apiErrors.insufficientPermissions(rule.roles);
}

/** A self-service token may make a call only on its own user, with the route's self-management scope. */
function authorizeSelf(actor: Actor, self: SelfAccess | undefined, context: RequestContext): void {
    const usable = self !== undefined && (self.contentTypes === undefined || self.contentTypes.includes(context.contentType));
    if (!usable) {
        throw apiErrors.accessDenied(
            'This token carries self-management scopes only (an OIDC Web App); this call needs an administrator role, which only a Worker app token carries.',
        );
    }
    if (context.params.userId !== actor.userId) throw apiErrors.accessDenied('A self-management scope acts on the signed-on user only, not on other users.');
    if (!actor.scopes.includes(self.scope)) throw apiErrors.accessDenied(`The access token lacks the scope ${self.scope}, which this call needs.`);
}

interface AuthorizedRoute {
    access: Permission;
    self?: SelfAccess;
    populationFilter?: PopulationFilter;
}

/** Decides whether the authenticated actor may make the call the route serves. */
export function authorize(emulation: Emulation, actor: Actor, route: AuthorizedRoute, context: RequestContext): void {
    if (isSelfService(actor)) authorizeSelf(actor, route.self, context);
    else authorizeRoles(emulation, actor, route, context);
}
