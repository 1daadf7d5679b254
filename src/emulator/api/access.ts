import type { Emulation } from '../emulation.js';
import { apiErrors } from '../http/api-error.js';
import { header, type Actor, type RequestContext } from '../http/context.js';
import { isLive } from '../auth/tokens.js';
import { permissions, type Permission } from '../tenant/role-definitions.js';
import type { Json } from '../tenant/records.js';

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
    if (claims.sub === clientId) return { kind: 'application', clientId, environmentId, tokenId };
    const user = tenant.users.get(String(claims.sub));
    if (!user || user.body.enabled !== true) throw apiErrors.invalidToken('The user of this access token is disabled or deleted.');
    return { kind: 'user', clientId, environmentId, userId: String(claims.sub), tokenId };
}

function roleAssignmentsOf(emulation: Emulation, actor: Actor): Json[] {
    const tenant = emulation.world.tenant(actor.environmentId);
    return tenant?.roleAssignments.get(actor.userId ?? actor.clientId) ?? [];
}

/**
 * Refuses (403 ACCESS_FAILED / INSUFFICIENT_PERMISSIONS) an actor without a role that allows the call,
 * granted at a scope that covers the environment (or, for organization-level calls, the organization).
 */
export function authorize(emulation: Emulation, actor: Actor, permission: Permission, environmentId: string | undefined): void {
    const rule = permissions[permission];
    const organizationId = emulation.world.organizationId;
    const allowed = roleAssignmentsOf(emulation, actor).some((assignment) => {
        const roleName = emulation.world.roleName(String((assignment.role as Json).id));
        if (!roleName || !(rule.roles as readonly string[]).includes(roleName)) return false;
        const scope = assignment.scope as { type: string; id: string };
        if (scope.type === 'ORGANIZATION' && scope.id === organizationId) return true;
        return rule.scope === 'environment' && scope.type === 'ENVIRONMENT' && scope.id === environmentId;
    });
    if (!allowed) throw apiErrors.insufficientPermissions(rule.roles);
}
