import type { Dispatcher } from 'undici';
import type { Connector } from '../connector/connector.js';
import { errorFor, requestJson } from '../http/index.js';
import type { TokenAuthMethod } from '../connector/token-auth-method.js';
import { authenticate, type ClientCredentials } from './client-authentication.js';
import { tokenErrorFrom } from './token-errors.js';
import { parseTokenResponse, type TokenSet } from './token-set.js';

/** Where and how a connection asks for tokens; the URL comes only from the connector, which validated the config. */
export interface TokenClient {
    connector: Connector;
    config: Record<string, string>;
    credentials: ClientCredentials;
    authMethod: TokenAuthMethod;
    dispatcher: Dispatcher;
    /** The clock a token's `expires_in` counts from (default `Date.now`), the token source's own. */
    now?: () => number;
}

/**
 * One token request. Only grants that are safe to repeat (client credentials) may be retried by
 * the dispatcher after reaching PingOne: an authorization code is single-use, and replaying a
 * rotated refresh token revokes the whole token family.
 */
export async function requestToken(client: TokenClient, params: Record<string, string>, signal?: AbortSignal): Promise<TokenSet> {
    const url = client.connector.tokenUrl(client.config);
    const form: Record<string, string> = { ...params };
    const headers: Record<string, string> = {};
    authenticate(client.authMethod, client.credentials, form, headers);
    const grantType = params['grant_type'] ?? '';
    const response = await requestJson(client.dispatcher, {
        url,
        form,
        headers,
        idempotent: grantType === 'client_credentials',
        tokenEndpoint: true,
        ...(signal ? { signal } : {}),
    });
    if (response.status === 200) return parseTokenResponse(response.body, (client.now ?? Date.now)());
    // Busy or broken is not refused: the caller may try again later, so these keep their own types.
    if (response.status === 429 || response.status >= 500) throw errorFor(response, { method: 'POST', url });
    throw tokenErrorFrom(response.status, response.body, {
        grantType,
        authMethod: client.authMethod,
        environmentId: client.config['environmentId'],
        secrets: [client.credentials.clientSecret, params['refresh_token'], params['code'], params['code_verifier']],
    });
}
