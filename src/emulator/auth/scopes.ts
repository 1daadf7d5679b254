// Which scopes an authorization request may carry, by application type.
// OpenID Connect scopes: https://developer.pingidentity.com/pingone-api/foundations/pingone-roles-scopes-and-permissions/access-services-through-scopes-and-roles/openid-connect-oidc-scopes.html
// Self-management (`p1:*`) scopes are "granted on authorization_code and implicit authorization flows" and
// "cannot be granted on a client_credentials flow"; an app gets them on its Resources tab:
// https://developer.pingidentity.com/pingone-api/foundations/pingone-roles-scopes-and-permissions/access-services-through-scopes-and-roles/pingone-self-management-scopes.html
// A Worker app that uses a user-based grant "may be given only OIDC scopes":
// https://developer.pingidentity.com/pingone-api/foundations/authentication-concepts/authorization-and-authentication-by-application-type/worker-applications.html
import type { ApplicationRecord } from '../tenant/records.js';

export const oidcScopes: readonly string[] = ['openid', 'profile', 'email', 'address', 'phone', 'offline_access'];

export function isSelfManagementScope(scope: string): boolean {
    return scope.startsWith('p1:');
}

/** The scopes of a space-separated list, without repeats. */
export function scopeList(text: string): string[] {
    return [...new Set(text.split(' ').filter(Boolean))];
}

/**
 * Why the application may not be granted these scopes, or undefined when it may. The emulator is strict:
 * a scope neither OIDC nor granted to the application on its Resources tab is refused (`invalid_scope`).
 */
export function refusedScope(application: ApplicationRecord, requested: readonly string[]): string | undefined {
    for (const scope of requested) {
        if (oidcScopes.includes(scope)) continue;
        if (application.body.type === 'WORKER' && isSelfManagementScope(scope))
            return `The scope ${scope} is a PingOne self-management scope; a Worker application may be given only OpenID Connect scopes.`;
        if (!application.grantedScopes.includes(scope)) return `The scope ${scope} is not granted to this application (its Resources tab).`;
    }
    return undefined;
}

/**
 * Why a client-credentials token may not carry these scopes, or undefined when it may. No user signs
 * on, so what it may carry is a resource's scopes granted on the app's Resources tab: "you can use
 * either a Worker app or a custom resource"
 * (https://developer.pingidentity.com/pingone-api/auth/openid-connect-oauth-2/token-client_credentials-client-secret-post.html),
 * as PingOne Advanced Services does (https://docs.pingidentity.com/pingoneadvancedservices/task_summary_table/p1as_platform_client_cred.html).
 * Self-management scopes "cannot be granted on a client_credentials flow" (page above). PingOne
 * documents nothing for other scopes, so the emulator refuses them (`invalid_scope`, RFC 6749 section 5.2).
 */
export function refusedClientCredentialsScope(application: ApplicationRecord, requested: readonly string[]): string | undefined {
    for (const scope of requested) {
        if (isSelfManagementScope(scope)) return `The scope ${scope} is a self-management scope; it cannot be granted on a client_credentials flow.`;
        if (!application.grantedScopes.includes(scope)) return `The scope ${scope} is not granted to this application (its Resources tab).`;
    }
    return undefined;
}
