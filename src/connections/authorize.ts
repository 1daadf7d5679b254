import { createPingOneDispatcher } from '../http/index.js';
import { AuthFailedError } from '../errors/index.js';
import {
    authorizeWithBrowser,
    consoleName,
    exchangeAuthorizationCode,
    type AuthorizationRequest,
    type TokenAuthMethod,
    type TokenClient,
    type TokenSet,
} from '../oauth/index.js';
import { authMethodsToTry, firstAcceptedMethod } from './each-auth-method.js';
import { browserUrlFor } from './browser-url.js';
import type { ConnectionSpec } from './connection-spec.js';
import { connectorFor } from './connector-for.js';

export interface AuthorizeOptions {
    /** The callback port, when the app's registered redirect URI names one; else a free one. */
    port: number | undefined;
    scopes: readonly string[];
    signal: AbortSignal;
    /** Tells the person where to sign on. */
    say: (line: string) => void;
}

/**
 * The authorization-code sign-on for `connect --provider pingone`: a loopback receiver on
 * 127.0.0.1, PKCE S256 and `state`, the sign-on URL shown to the person, and the code exchanged
 * for tokens through the connection's own dispatcher (host allow-list, emulator mapping).
 */
export async function authorizeInteractively(spec: ConnectionSpec, options: AuthorizeOptions): Promise<ConnectionSpec> {
    const connector = connectorFor(spec.provider);
    const config = connector.parseConnectionConfig(spec.config);
    const dispatcher = createPingOneDispatcher({
        allowedHosts: connector.allowedHosts(config),
        ...(spec.emulatorUrl ? { emulatorOrigin: spec.emulatorUrl } : {}),
    });
    const browserUrl = browserUrlFor(spec.emulatorUrl, Object.keys(connector.extensions.regions));
    const methods = authMethodsToTry(connector.extensions.token_auth_methods, spec.authMethod);
    const client = {
        connector,
        config,
        credentials: { clientId: spec.secrets.clientId ?? '', clientSecret: spec.secrets.clientSecret ?? '' },
        dispatcher,
    };
    let authMethod = methods[0] as TokenAuthMethod;
    try {
        const tokens = await authorizeWithBrowser({
            ...client,
            authMethod,
            exchange: async (request, code, signal) => {
                const exchanged = await exchangeWithEachMethod(client, methods, { request, code, signal });
                authMethod = exchanged.method;
                return exchanged.tokens;
            },
            scopes: options.scopes,
            signal: options.signal,
            ...(options.port ? { port: options.port } : {}),
            openBrowser: (url) => {
                options.say('Sign on to PingOne in a browser at:');
                options.say(`  ${browserUrl(url).toString()}`);
                options.say('Waiting for the redirect to this machine (Ctrl-C to stop)...');
            },
        });
        options.say(`Token endpoint authentication: ${consoleName(authMethod)} (${authMethod}), saved with the connection.`);
        return {
            ...spec,
            authMethod,
            secrets: {
                ...spec.secrets,
                accessToken: tokens.accessToken,
                accessTokenExpiresAt: new Date(tokens.expiresAt).toISOString(),
                ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
            },
        };
    } finally {
        await dispatcher.close();
    }
}

interface Exchange {
    request: AuthorizationRequest;
    code: string;
    signal: AbortSignal | undefined;
}

/**
 * The code exchange with each method in turn until PingOne accepts the client. The second try
 * relies on PingOne authenticating the client before it looks at the code (OAuth servers generally
 * do; PingOne does not document it): if it took the code as spent, the error says so and how to
 * connect such an application.
 */
async function exchangeWithEachMethod(client: Omit<TokenClient, 'authMethod'>, methods: readonly TokenAuthMethod[], exchange: Exchange) {
    const refused = (outcome: { tokens: TokenSet } | { error: unknown }, reason: string) =>
        'error' in outcome && outcome.error instanceof AuthFailedError && outcome.error.reason === reason;
    const tried = await firstAcceptedMethod(
        methods,
        (authMethod) =>
            exchangeAuthorizationCode({ ...client, authMethod }, exchange.request, exchange.code, exchange.signal).then(
                (tokens): { tokens: TokenSet } | { error: unknown } => ({ tokens }),
                (error: unknown) => ({ error }),
            ),
        (outcome) => refused(outcome, 'invalid_client'),
    );
    if ('tokens' in tried.outcome) return { method: tried.method, tokens: tried.outcome.tokens };
    const [first] = methods;
    if (first !== undefined && tried.method !== first && refused(tried.outcome, 'invalid_grant')) {
        throw new AuthFailedError(
            'invalid_client',
            `PingOne refused ${consoleName(first)} for this application, and then took the sign-on code as used when it was sent with ${consoleName(tried.method)}.`,
            {
                hint: `Connect again with --auth-method ${tried.method} if the application uses ${consoleName(tried.method)}; else check its Client ID, Client Secret and that it is enabled.`,
                field: 'authMethod',
                cause: tried.outcome.error,
            },
        );
    }
    throw tried.outcome.error;
}
