import { AuthFailedError } from '../errors/index.js';

/** What a token endpoint answered, with the lifetime turned into a point in time. */
export interface TokenSet {
    accessToken: string;
    tokenType: string;
    /** Epoch milliseconds. */
    expiresAt: number;
    refreshToken?: string;
    scope?: string;
    idToken?: string;
}

// PingOne's default lifetime; used only when an answer omits `expires_in`, so the token is still renewed.
const defaultLifetimeSeconds = 3600;

/** Reads an RFC 6749 token answer; anything without an access token is an `invalid_token_response`. */
export function parseTokenResponse(body: unknown, now: number = Date.now()): TokenSet {
    const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    const accessToken = record['access_token'];
    if (typeof accessToken !== 'string' || accessToken === '') {
        throw new AuthFailedError('invalid_token_response', 'The token endpoint answered 200 without an access_token.', {
            hint: 'Check that the token URL is the PingOne token endpoint of your environment (…/as/token).',
        });
    }
    const expiresIn = Number(record['expires_in'] ?? defaultLifetimeSeconds);
    const text = (key: string) => (typeof record[key] === 'string' && record[key] !== '' ? { [key]: record[key] as string } : {});
    const {
        refresh_token: refreshToken,
        scope,
        id_token: idToken,
    } = { ...text('refresh_token'), ...text('scope'), ...text('id_token') } as Record<string, string>;
    return {
        accessToken,
        tokenType: typeof record['token_type'] === 'string' ? record['token_type'] : 'Bearer',
        expiresAt: now + (Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : defaultLifetimeSeconds) * 1000,
        ...(refreshToken === undefined ? {} : { refreshToken }),
        ...(scope === undefined ? {} : { scope }),
        ...(idToken === undefined ? {} : { idToken }),
    };
}
