import { CachedTokenSource, type CacheOptions } from './cached-token-source.js';
import { requestToken, type TokenClient } from './token-endpoint.js';

/** A connector that adds its own token parameters (e.g. `scope`) from the config. */
interface WithTokenParams {
    tokenParams?(config: Record<string, string>): Readonly<Record<string, string>>;
}

/**
 * Client credentials (`pingone-cc`): there is no refresh token, so "refreshing" is minting a new
 * token before the current one expires, one request per token lifetime.
 */
export function clientCredentialsTokenSource(client: TokenClient & CacheOptions): CachedTokenSource {
    const connector = client.connector as TokenClient['connector'] & WithTokenParams;
    const params = { ...(connector.tokenParams?.(client.config) ?? {}), grant_type: 'client_credentials' };
    return new CachedTokenSource(
        () => requestToken(client, params),
        () => [client.credentials.clientSecret],
        client,
    );
}
