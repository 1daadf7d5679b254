import type { Emulation } from '../emulation.js';
import type { RequestContext } from '../http/context.js';
import { json, type Reply } from '../http/reply.js';
import type { Tenant } from '../tenant/tenant.js';
import { issuer } from './tokens.js';

/** GET /{envId}/as/.well-known/openid-configuration */
export function discovery(tenant: Tenant, context: RequestContext): Reply {
    const base = issuer(context.origin, tenant.id);
    return json(200, {
        issuer: base,
        authorization_endpoint: `${base}/authorize`,
        token_endpoint: `${base}/token`,
        userinfo_endpoint: `${base}/userinfo`,
        jwks_uri: `${base}/jwks`,
        end_session_endpoint: `${base}/signoff`,
        introspection_endpoint: `${base}/introspect`,
        revocation_endpoint: `${base}/revoke`,
        scopes_supported: ['openid', 'profile', 'email', 'address', 'phone', 'offline_access'],
        response_types_supported: ['code'],
        response_modes_supported: ['query'],
        grant_types_supported: ['authorization_code', 'client_credentials', 'refresh_token'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
        code_challenge_methods_supported: ['plain', 'S256'],
        claims_supported: [
            'sub',
            'iss',
            'aud',
            'exp',
            'iat',
            'auth_time',
            'nonce',
            'preferred_username',
            'email',
            'email_verified',
            'given_name',
            'family_name',
            'name',
            'env',
            'org',
        ],
        request_parameter_supported: false,
    });
}

/** GET /{envId}/as/jwks */
export function jwks(emulation: Emulation): Reply {
    return json(200, { keys: [emulation.key.jwk] });
}
