import type { Emulation } from '../emulation.js';
import type { Claims } from './jwt.js';
import { randomUuid } from '../random.js';
import type { Json } from '../tenant/records.js';

/** The API origin that goes with an auth origin: `https://auth.pingone.eu` → `https://api.pingone.eu`. */
export function apiOriginFor(authOrigin: string): string {
    return authOrigin.replace('://auth.pingone.', '://api.pingone.');
}

export function issuer(origin: string, environmentId: string): string {
    return `${origin}/${environmentId}/as`;
}

/**
 * An access token's `jti`: a random uuid whose first eight hex digits carry the token generation it
 * was minted in. `admin.expireAccessTokens()` moves to the next generation, which ends every token
 * minted before it and none minted after, whatever the clock says.
 */
function accessTokenId(generation: number): string {
    return `${generation.toString(16).padStart(8, '0')}${randomUuid().slice(8)}`;
}

/** Whether verified access-token claims still hold: not expired, not revoked, minted in the current token generation. */
export function isLive(emulation: Emulation, claims: Claims): boolean {
    const jti = String(claims.jti);
    return (
        typeof claims.exp === 'number' &&
        claims.exp * 1000 > emulation.now() &&
        !emulation.revokedTokens.has(jti) &&
        Number.parseInt(jti.slice(0, 8), 16) === emulation.tokenGeneration
    );
}

export interface AccessTokenRequest {
    origin: string;
    environmentId: string;
    clientId: string;
    userId?: string;
    scope: string;
}

export function mintAccessToken(emulation: Emulation, request: AccessTokenRequest): { token: string; expiresIn: number } {
    const now = Math.floor(emulation.now() / 1000);
    const expiresIn = emulation.tokenLifetimeSeconds;
    const token = emulation.key.sign({
        iss: issuer(request.origin, request.environmentId),
        sub: request.userId ?? request.clientId,
        aud: [apiOriginFor(request.origin)],
        client_id: request.clientId,
        env: request.environmentId,
        org: emulation.world.organizationId,
        ...(request.scope ? { scope: request.scope } : {}),
        iat: now,
        exp: now + expiresIn,
        jti: accessTokenId(emulation.tokenGeneration),
    });
    return { token, expiresIn };
}

export function mintIdToken(emulation: Emulation, request: AccessTokenRequest & { user: Json; nonce?: string }): string {
    const now = Math.floor(emulation.now() / 1000);
    const name = (request.user.name ?? {}) as Json;
    return emulation.key.sign({
        iss: issuer(request.origin, request.environmentId),
        sub: String(request.user.id),
        aud: request.clientId,
        iat: now,
        auth_time: now,
        exp: now + emulation.tokenLifetimeSeconds,
        ...(request.nonce ? { nonce: request.nonce } : {}),
        preferred_username: request.user.username,
        ...(request.scope.split(' ').includes('email') ? { email: request.user.email, email_verified: request.user.emailVerified === true } : {}),
        ...(request.scope.split(' ').includes('profile') ? { given_name: name.given, family_name: name.family, name: name.formatted } : {}),
        env: request.environmentId,
        org: emulation.world.organizationId,
        jti: randomUuid(),
    });
}
