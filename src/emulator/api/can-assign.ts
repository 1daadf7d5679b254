import { CAN_ASSIGN } from '../../../connectors/shared/pingone.generated.js';
import type { Emulation } from '../emulation.js';
import { apiErrors } from '../http/api-error.js';
import type { Actor } from '../http/context.js';
import type { Json } from '../tenant/records.js';
import { heldAssignments } from './held-roles.js';

// Built-in roles' "Can Assign" column (https://developer.pingidentity.com/pingone-api/platform/roles/predefined-roles.html):
// an actor may assign (or remove) a role only when one of its own roles may assign it, held at a scope that
// covers the assignment's scope.

function covers(emulation: Emulation, held: { type: string; id: string }, wanted: { type: string; id: string }, environmentId: string): boolean {
    if (held.type === 'ORGANIZATION') return held.id === emulation.world.organizationId;
    if (held.type === 'ENVIRONMENT')
        return wanted.type !== 'ORGANIZATION' && held.id === environmentId && (wanted.type !== 'ENVIRONMENT' || wanted.id === held.id);
    return held.type === wanted.type && held.id === wanted.id;
}

/** The roles that may assign `roleName`, for the refusal's message. */
export function assignersOf(roleName: string): string[] {
    return Object.entries(CAN_ASSIGN)
        .filter(([, assignable]) => (assignable as readonly string[]).includes(roleName))
        .map(([assigner]) => assigner);
}

/** Refuses (403) an actor whose roles may not assign this role at this scope. */
export function requireCanAssign(emulation: Emulation, actor: Actor | undefined, environmentId: string, assignment: Json): void {
    if (!actor) throw apiErrors.invalidToken('An access token is required: send Authorization: Bearer <token>.');
    const roleName = emulation.world.roleName(String((assignment.role as Json).id)) ?? '';
    const wanted = assignment.scope as { type: string; id: string };
    const held = heldAssignments(emulation.world.tenant(actor.environmentId), actor.userId ?? actor.clientId);
    const allowed = held.some((grant) => {
        const assigner = emulation.world.roleName(String((grant.role as Json).id)) ?? '';
        const assignable = (CAN_ASSIGN as Record<string, readonly string[]>)[assigner] ?? [];
        return assignable.includes(roleName) && covers(emulation, grant.scope as { type: string; id: string }, wanted, environmentId);
    });
    if (!allowed) {
        const assigners = assignersOf(roleName);
        throw apiErrors.accessDenied(
            `The actor may not assign the role ${roleName}: ${assigners.length > 0 ? `only ${assigners.join(' or ')} may assign it` : 'no built-in role may assign it'}, held at a scope that covers ${wanted.type.toLowerCase()} ${wanted.id}.`,
        );
    }
}
