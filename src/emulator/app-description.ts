import type { Emulation } from './emulation.js';
import type { Json, TokenAuthMethod } from './tenant/records.js';

/** What a seeded application is, as its PingOne console shows it: enough to set up the same app on a real tenant. */
export interface AppDescription {
    clientId: string;
    clientSecret: string;
    type: 'WORKER' | 'WEB_APP' | 'SINGLE_PAGE_APP' | 'NATIVE_APP';
    grantTypes: string[];
    tokenEndpointAuthMethod: TokenAuthMethod['setting'];
    redirectUris: string[];
    pkceEnforcement: string;
    /** Whose rights its tokens carry: the app's own roles, the signed-on user's roles, or its self-management scopes. */
    actsWith: 'application roles' | 'signed-on user roles' | 'self-management scopes';
    /** The app's own role assignments (role name and scope type). */
    roles: Array<{ role: string; scope: string }>;
    /** Resource scopes granted on its Resources tab. */
    scopes: string[];
}

/** A user's or application's role assignments in the main environment, as role name and scope type. */
export function rolesOf(emulation: Emulation, principalId: string): Array<{ role: string; scope: string }> {
    return emulation.primary.assignmentsOf(principalId).map((assignment) => ({
        role: emulation.world.roleName(String((assignment.role as Json).id)) ?? String((assignment.role as Json).id),
        scope: String((assignment.scope as Json).type),
    }));
}

export function describeApplication(emulation: Emulation, clientId: string): AppDescription {
    const tenant = emulation.primary;
    const application = tenant.applications.get(clientId);
    if (!application) throw new Error(`The emulator has no application ${clientId}.`);
    const body = application.body;
    const grantTypes = [...(body.grantTypes as string[])];
    const actsWith =
        body.type !== 'WORKER' ? 'self-management scopes' : grantTypes.includes('CLIENT_CREDENTIALS') ? 'application roles' : 'signed-on user roles';
    return {
        clientId,
        clientSecret: application.secret,
        type: body.type as AppDescription['type'],
        grantTypes,
        tokenEndpointAuthMethod: body.tokenEndpointAuthMethod as AppDescription['tokenEndpointAuthMethod'],
        redirectUris: [...(body.redirectUris as string[])],
        pkceEnforcement: String(body.pkceEnforcement),
        actsWith,
        roles: rolesOf(emulation, clientId),
        scopes: [...application.grantedScopes],
    };
}
