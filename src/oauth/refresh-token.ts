import { AuthFailedError, NetworkError } from '../errors/index.js';
import { CachedTokenSource, minimumRenewBeforeMs, type CacheOptions } from './cached-token-source.js';
import { requestToken, type TokenClient } from './token-endpoint.js';
import type { TokenSet } from './token-set.js';

/**
 * Tokens saved where other processes renew them too (the secrets file, shared by every command on
 * the connection). Each renewal runs alone and starts from what is saved: PingOne revokes the whole
 * token family when a spent refresh token is presented again.
 */
export interface SharedTokens {
    /** Runs one renewal while no other process renews or saves these tokens; `signal` ends a request that would hold them too long. */
    exclusively<T>(renew: (signal: AbortSignal) => Promise<T>): Promise<T>;
    /** The tokens as saved now. */
    saved(): TokenSet | undefined;
}

export interface RefreshTokenSourceOptions extends TokenClient, CacheOptions {
    /** The tokens of the sign-on (or as last saved); must carry a refresh token. */
    tokens: TokenSet;
    /**
     * Called with every new token set before its access token is handed out. PingOne rotates the
     * refresh token on each use and revokes the family if an old one is replayed, so the caller
     * must persist it atomically; if saving throws, the error reaches the caller of getAccessToken.
     * With `shared`, it is called inside `exclusively`.
     */
    onRotate(tokens: TokenSet): void | Promise<void>;
    /** Where other processes may have renewed the tokens since `tokens` was read. */
    shared?: SharedTokens;
}

/** Authorization-code connections (`pingone`): access tokens renewed with the rotating refresh token. */
export function refreshTokenSource(options: RefreshTokenSourceOptions): CachedTokenSource {
    const now = options.now ?? Date.now;
    // The newest refresh token, kept even when saving it failed: the old one is spent.
    let latest = options.tokens.refreshToken;
    // Every refresh token this source presented: a saved one among them is stale (its successor's save failed).
    const spent = new Set<string>();

    const renew = async (current: TokenSet | undefined, signal?: AbortSignal): Promise<TokenSet> => {
        const saved = options.shared?.saved();
        // The saved tokens are the newest (another process may have renewed them), unless saving
        // this source's last renewal failed: the file then still holds a refresh token it spent.
        if (saved !== undefined && (saved.refreshToken === undefined || !spent.has(saved.refreshToken))) {
            latest = saved.refreshToken ?? latest;
            // The saved access token serves if it is not the one being renewed (expiring, or refused with a 401) and lives a while yet.
            if (saved.accessToken !== current?.accessToken && saved.expiresAt - now() > minimumRenewBeforeMs) {
                return latest === undefined ? saved : { ...saved, refreshToken: latest };
            }
        }
        const refreshToken = latest;
        if (refreshToken === undefined) {
            throw new AuthFailedError('no_refresh_token', 'This connection has no refresh token, so its access token cannot be renewed.', {
                hint: 'Tick the Refresh Token grant type on the PingOne application (or ask for the offline_access scope), then sign on again.',
            });
        }
        spent.add(refreshToken);
        const fresh = await requestToken(options, { grant_type: 'refresh_token', refresh_token: refreshToken }, signal).catch((error: unknown) => {
            if (signal?.aborted !== true) throw error;
            throw new NetworkError(new URL(options.connector.tokenUrl(options.config)).host, 'timeout', {
                hint: 'The token endpoint did not answer in time; try again. If PingOne did renew the token meanwhile, sign on again.',
                cause: error,
            });
        });
        // An answer without a new refresh token keeps the old one valid.
        const rotated: TokenSet = { ...fresh, refreshToken: fresh.refreshToken ?? refreshToken };
        latest = rotated.refreshToken;
        await options.onRotate(rotated);
        return rotated;
    };

    const shared = options.shared;
    const mint = (current: TokenSet | undefined): Promise<TokenSet> =>
        shared === undefined ? renew(current) : shared.exclusively((signal) => renew(current, signal));
    return new CachedTokenSource(mint, () => [options.credentials.clientSecret, options.tokens.refreshToken, latest], { ...options, initial: options.tokens });
}
