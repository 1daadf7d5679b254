import { AuthFailedError } from '../errors/index.js';
import { CachedTokenSource, type CacheOptions } from './cached-token-source.js';
import { requestToken, type TokenClient } from './token-endpoint.js';
import type { TokenSet } from './token-set.js';

export interface RefreshTokenSourceOptions extends TokenClient, CacheOptions {
    /** The tokens of the sign-on (or as last saved); must carry a refresh token. */
    tokens: TokenSet;
    /**
     * Called with every new token set before its access token is handed out. PingOne rotates the
     * refresh token on each use and revokes the family if an old one is replayed, so the caller
     * must persist it atomically; if saving throws, the error reaches the caller of getAccessToken.
     */
    onRotate(tokens: TokenSet): void | Promise<void>;
}

/** Authorization-code connections (`pingone`): access tokens renewed with the rotating refresh token. */
export function refreshTokenSource(options: RefreshTokenSourceOptions): CachedTokenSource {
    // The newest refresh token, kept even when saving it failed: the old one is spent.
    let latest = options.tokens.refreshToken;
    const mint = async (): Promise<TokenSet> => {
        const refreshToken = latest;
        if (refreshToken === undefined) {
            throw new AuthFailedError('no_refresh_token', 'This connection has no refresh token, so its access token cannot be renewed.', {
                hint: 'Tick the Refresh Token grant type on the PingOne application (or ask for the offline_access scope), then sign on again.',
            });
        }
        const fresh = await requestToken(options, { grant_type: 'refresh_token', refresh_token: refreshToken });
        // An answer without a new refresh token keeps the old one valid.
        const rotated: TokenSet = { ...fresh, refreshToken: fresh.refreshToken ?? refreshToken };
        latest = rotated.refreshToken;
        await options.onRotate(rotated);
        return rotated;
    };
    return new CachedTokenSource(mint, () => [options.credentials.clientSecret, options.tokens.refreshToken, latest], { ...options, initial: options.tokens });
}
