import type { Connector } from '../connector/connector.js';
import { AuthFailedError, ConnectorError } from '../errors/index.js';
import { createPkcePair, createState } from './pkce.js';
import { requestToken, type TokenClient } from './token-endpoint.js';
import type { TokenSet } from './token-set.js';

/** One authorization attempt: where to send the browser, and what to keep on this side until it returns. */
export interface AuthorizationRequest {
    url: URL;
    state: string;
    codeVerifier: string;
    redirectUri: string;
}

/** Builds the authorize URL through the connector (which validates the config first), with PKCE S256 and a fresh state. */
export function startAuthorization(input: {
    connector: Connector;
    config: Record<string, string>;
    clientId: string;
    redirectUri: string;
    scopes: readonly string[];
}): AuthorizationRequest {
    const build = input.connector.authorizationUrl;
    if (build === undefined) {
        throw new ConnectorError('no_authorization_url', `${input.connector.displayName} does not use the sign-on (authorization code) flow.`, {
            hint: 'Use client credentials for this provider.',
        });
    }
    const { codeVerifier, codeChallenge } = createPkcePair();
    const state = createState();
    const url = build(input.config, {
        clientId: input.clientId,
        redirectUri: input.redirectUri,
        state,
        codeChallenge,
        codeChallengeMethod: 'S256',
        scopes: input.scopes,
    });
    return { url, state, codeVerifier, redirectUri: input.redirectUri };
}

/**
 * Reads the redirect back from PingOne: its code, or its `error` as an AuthFailedError saying what
 * PingOne said. The state must already have been matched to the attempt by the caller, which needs
 * it first to find the attempt (its code verifier) or to ignore a stray redirect.
 */
export function readCallback(params: URLSearchParams): string {
    const error = params.get('error');
    if (error !== null) {
        // PingOne's description is a sentence of its own; its full stop would double the one below.
        const description = params.get('error_description')?.replace(/[.!?\s]+$/u, '');
        // By the RFC 6749 section 4.1.2.1 code alone: PingOne documents no description wording.
        const reason = error === 'access_denied' ? 'access_denied' : 'unauthorized_client';
        throw new AuthFailedError(reason, `PingOne did not complete the sign-on (${error}${description ? `: ${description}` : ''}).`, {
            oauthError: error,
            hint:
                reason === 'access_denied'
                    ? 'Sign on again and allow the access.'
                    : 'Check in PingOne that the application is enabled, and its redirect URIs, grant types and PKCE setting.',
        });
    }
    const code = params.get('code');
    if (!code) throw new AuthFailedError('invalid_request', 'PingOne came back without an authorization code.', { hint: 'Start the sign-on again.' });
    return code;
}

/** Exchanges the code (single-use, so never retried once it reached PingOne) for tokens. */
export function exchangeAuthorizationCode(
    client: TokenClient,
    request: Pick<AuthorizationRequest, 'codeVerifier' | 'redirectUri'>,
    code: string,
    signal?: AbortSignal,
): Promise<TokenSet> {
    return requestToken(client, { grant_type: 'authorization_code', code, redirect_uri: request.redirectUri, code_verifier: request.codeVerifier }, signal);
}
