import { tenantOf } from '../api/lookup.js';
import type { Emulation } from '../emulation.js';
import { header } from '../http/context.js';
import { json, noContent } from '../http/reply.js';
import type { Route } from '../http/router.js';
import { authorizeGet, authorizePost } from './authorize-endpoint.js';
import { authenticateClient } from './client-auth.js';
import { discovery, jwks } from './discovery.js';
import { formBody } from '../http/context.js';
import { OAuthError } from './oauth-error.js';
import { tokenEndpoint } from './token-endpoint.js';
import { isLive } from './tokens.js';

const base = '/:environmentId/as';

/** The auth server of each environment: `https://auth.pingone.<tld>/<envId>/as/...`. */
export const authRoutes: Route<Emulation>[] = [
    {
        method: 'POST',
        pattern: `${base}/token`,
        access: 'public',
        handler: (context, emulation) => tokenEndpoint(emulation, tenantOf(emulation, context), context),
    },
    {
        method: 'GET',
        pattern: `${base}/authorize`,
        access: 'public',
        handler: (context, emulation) => authorizeGet(emulation, tenantOf(emulation, context), context),
    },
    {
        method: 'POST',
        pattern: `${base}/authorize`,
        access: 'public',
        handler: (context, emulation) => authorizePost(emulation, tenantOf(emulation, context), context),
    },
    {
        method: 'GET',
        pattern: `${base}/.well-known/openid-configuration`,
        access: 'public',
        handler: (context, emulation) => discovery(tenantOf(emulation, context), context),
    },
    { method: 'GET', pattern: `${base}/jwks`, access: 'public', handler: (_context, emulation) => jwks(emulation) },
    {
        method: 'GET',
        pattern: `${base}/userinfo`,
        access: 'public',
        handler: (context, emulation) => {
            const tenant = tenantOf(emulation, context);
            const authorization = header(context, 'authorization') ?? '';
            const claims = authorization.toLowerCase().startsWith('bearer ') ? emulation.key.verify(authorization.slice(7).trim()) : undefined;
            const user = claims && isLive(emulation, claims) ? tenant.users.get(String(claims.sub)) : undefined;
            if (!user)
                throw new OAuthError(401, 'invalid_token', 'A valid access token from the authorization-code flow is required.', {
                    'www-authenticate': 'Bearer error="invalid_token"',
                });
            const name = (user.body.name ?? {}) as Record<string, unknown>;
            return json(200, {
                sub: user.body.id,
                preferred_username: user.body.username,
                email: user.body.email,
                given_name: name.given,
                family_name: name.family,
                name: name.formatted,
            });
        },
    },
    {
        // RFC 7009: always 200 for a token the client owns or an unknown one.
        method: 'POST',
        pattern: `${base}/revoke`,
        access: 'public',
        handler: (context, emulation) => {
            const tenant = tenantOf(emulation, context);
            const form = formBody(context);
            authenticateClient(tenant, context, form);
            const token = form.get('token');
            if (token) emulation.grants.revokeRefreshToken(token);
            return { ...noContent(), status: 200 };
        },
    },
];
