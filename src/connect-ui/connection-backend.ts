import { existsSync } from 'node:fs';
import type { ProviderConnector } from '../../connectors/registry.generated.js';
import type { ConnectionSecrets, ConnectionSpec } from '../connections/connection-spec.js';
import { createRuntime } from '../connections/runtime.js';
import { openHarness } from '../harness/index.js';
import { createPingOneDispatcher } from '../http/index.js';
import { AuthFailedError } from '../errors/index.js';
import { consoleName, defaultTokenAuthMethod, exchangeAuthorizationCode, type TokenAuthMethod, type TokenClient } from '../oauth/index.js';
import { browserUrlFor } from '../connections/browser-url.js';
import type { ConnectBackend } from './connect-backend.js';
import { failureOf, type ConnectRequest, type ConnectResponse } from './protocol.js';

// The Connect UI's backend is the CLI's `connect`: the same runtime (dispatcher with host allow-list
// and emulator mapping, token source, diagnosis) tests the connection before anything is saved, and
// the same connections API saves it in the same store. Nothing it returns carries a secret.

export interface ConnectionBackendOptions {
    connector: ProviderConnector;
    /** The database the CLI uses (resolveStorePath). */
    storePath: string;
    /** The loopback emulator standing in for PingOne, if any (already checked to be loopback). */
    emulatorUrl: string | undefined;
    env: NodeJS.ProcessEnv;
    /** Told where the connection was saved and what to run next: the terminal's business, not the page's. */
    onSaved?: (saved: SavedConnection) => void;
}

export interface SavedConnection {
    name: string;
    storePath: string;
    /** A connection of that name was there before and is now replaced. */
    replaced: boolean;
    /** The first sync of the connection's integration, to suggest as the next command. */
    firstSync: string | undefined;
}

type Request = ConnectRequest & { connectionName: string };

function capitalized(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

// The token error's own hint names the CLI's --auth-method; the form has no such field and tries both methods itself.
// PingOne answers a wrong secret, a disabled app and the other method alike (invalid_client): the hint names all three.
const authMethodHint =
    "In PingOne, copy the application's Client ID and Client Secret again, check that it is enabled, and set the application's Token Endpoint Authentication Method to Client Secret Basic or Client Secret Post: the Connect UI tries both.";

// A code no sign-in issued, and a verifier of the length PKCE asks for (RFC 7636: 43 to 128 characters).
const probeCode = 'connect-ui-client-check';
const probeVerifier = 'connect-ui-client-check'.padEnd(43, '0');

/**
 * Whether PingOne refuses the client itself, asked before the browser leaves for the sign-in: a
 * code exchange with a code no sign-in issued. PingOne answers `invalid_client` when the client ID
 * or secret is wrong (RFC 6749 §5.2); any other answer (the expected `invalid_grant` among them)
 * says nothing against the client, so the sign-in goes ahead. PingOne does not document whether it
 * authenticates the client before it looks at the code: if it looks at the code first, this check
 * finds nothing and the exchange after the sign-in reports the wrong secret instead.
 */
async function clientRefusal(client: TokenClient, redirectUri: string): Promise<AuthFailedError | undefined> {
    try {
        await exchangeAuthorizationCode(client, { codeVerifier: probeVerifier, redirectUri }, probeCode);
        return undefined;
    } catch (error) {
        if (error instanceof AuthFailedError && (error.reason === 'invalid_client' || error.reason === 'auth_method_not_allowed')) return error;
        return undefined;
    }
}

export function createConnectionBackend(options: ConnectionBackendOptions): ConnectBackend {
    const { connector, env, emulatorUrl } = options;

    function specOf(request: Request, secrets: ConnectionSecrets): ConnectionSpec {
        return { name: request.connectionName, provider: connector.key, config: request.connectionConfig, secrets, emulatorUrl };
    }

    async function withHarness<T>(work: (harness: ReturnType<typeof openHarness>) => Promise<T> | T): Promise<T> {
        const harness = openHarness({ dbPath: options.storePath, env });
        try {
            return await work(harness);
        } finally {
            await harness.close();
        }
    }

    function save(spec: ConnectionSpec): Promise<SavedConnection> {
        return withHarness(async (harness) => {
            const replaced = harness.connections.get(spec.name) !== undefined;
            await harness.connections.create(spec);
            return { name: spec.name, storePath: options.storePath, replaced, firstSync: harness.scripts(spec.name).sync[0] };
        });
    }

    async function test(spec: ConnectionSpec) {
        const rotated: Partial<ConnectionSecrets> = {};
        const runtime = createRuntime(spec, spec.secrets, (changes) => Object.assign(rotated, changes), { env });
        try {
            return { spec: { ...spec, secrets: { ...spec.secrets, ...rotated } }, tested: await runtime.test() };
        } finally {
            await runtime.close();
        }
    }

    /** PingOne's token endpoint for one code exchange, through the host allow-list (and the emulator, if any). */
    function dispatcherFor(config: Record<string, string>) {
        return createPingOneDispatcher({ allowedHosts: connector.allowedHosts(config), ...(emulatorUrl === undefined ? {} : { emulatorOrigin: emulatorUrl }) });
    }

    function otherMethod(tried: TokenAuthMethod): TokenAuthMethod | undefined {
        return connector.extensions.token_auth_methods.find((method) => method !== tried);
    }

    /**
     * The form has no authentication-method field: the default (Client Secret Post) is tried first
     * and, when PingOne refuses the client (invalid_client), the other method the provider supports (Nango's and Cyclr's guides
     * tell people to pick Client Secret Post). The one that works is saved with the connection.
     */
    async function testEachMethod(spec: ConnectionSpec) {
        const first = await test(spec);
        if (first.tested.reason !== 'invalid_client' || spec.secrets.refreshToken !== undefined) return first;
        const other = otherMethod(spec.authMethod ?? defaultTokenAuthMethod);
        if (other === undefined) return first;
        const second = await test({ ...spec, authMethod: other });
        return second.tested.reason === 'invalid_client' ? first : second;
    }

    /**
     * The code exchange, likewise: the default first, then the other method when the
     * application refuses it. That relies on the client being authenticated before the code is
     * looked at (as the emulator and OAuth servers generally do; PingOne does not document it). If
     * PingOne took the code as spent, the second attempt is refused as invalid_grant, and the error
     * then says how to connect such an application.
     */
    async function exchangeWithEachMethod(client: Omit<TokenClient, 'authMethod'>, request: Parameters<typeof exchangeAuthorizationCode>[1], code: string) {
        try {
            return {
                authMethod: defaultTokenAuthMethod,
                tokens: await exchangeAuthorizationCode({ ...client, authMethod: defaultTokenAuthMethod }, request, code),
            };
        } catch (error) {
            const other = otherMethod(defaultTokenAuthMethod);
            if (!(error instanceof AuthFailedError) || error.reason !== 'invalid_client' || other === undefined) throw error;
            try {
                return { authMethod: other, tokens: await exchangeAuthorizationCode({ ...client, authMethod: other }, request, code) };
            } catch (retried) {
                if (!(retried instanceof AuthFailedError) || retried.reason !== 'invalid_grant') throw retried;
                throw new AuthFailedError(
                    'auth_method_not_allowed',
                    `PingOne refused ${consoleName(defaultTokenAuthMethod)} for this application, and then took the sign-on code as used when it was sent with ${consoleName(other)}.`,
                    {
                        hint: `In PingOne, set the application's Token Endpoint Authentication Method to ${consoleName(defaultTokenAuthMethod)} and connect again, or connect with the CLI: pingone-connector connect <name> --provider pingone --auth-method ${other}.`,
                        field: 'authMethod',
                        cause: retried,
                    },
                );
            }
        }
    }

    async function testThenSave(untested: ConnectionSpec): Promise<ConnectResponse> {
        const { spec, tested } = await testEachMethod(untested);
        if (!tested.ok) {
            const hint = tested.reason === 'invalid_client' ? authMethodHint : tested.hint;
            return {
                ok: false,
                message: tested.message,
                ...(hint === undefined ? {} : { hint }),
                ...(tested.field === undefined ? {} : { field: tested.field }),
            };
        }
        const saved = await save(spec);
        options.onSaved?.(saved);
        const method =
            spec.authMethod === undefined || spec.authMethod === defaultTokenAuthMethod ? '' : ` The application uses ${consoleName(spec.authMethod)}.`;
        return {
            ok: true,
            message: saved.replaced
                ? `Connected. Saved as the connection "${spec.name}", replacing the one saved before under that name.`
                : `Connected. Saved as the connection "${spec.name}".`,
            detail: `${capitalized(tested.message)}${method} You can close this tab.`,
        };
    }

    return {
        authorizationScopes: connector.extensions.default_scopes,
        // Looking must not create the database: only a save does.
        hasConnection: async (name) => existsSync(options.storePath) && (await withHarness((harness) => harness.connections.get(name) !== undefined)),
        browserUrl: browserUrlFor(emulatorUrl, Object.keys(connector.extensions.regions)),
        async testAndSave(request) {
            const { clientId, clientSecret } = request.credentials;
            try {
                return await testThenSave(specOf(request, { clientId, clientSecret }));
            } catch (error) {
                return failureOf(error);
            }
        },
        async checkClient(request) {
            const dispatcher = dispatcherFor(request.connectionConfig);
            const credentials = { clientId: request.credentials['clientId'] ?? '', clientSecret: request.credentials['clientSecret'] ?? '' };
            try {
                for (const authMethod of [defaultTokenAuthMethod, otherMethod(defaultTokenAuthMethod)]) {
                    if (authMethod === undefined) return undefined;
                    const refusal = await clientRefusal({ connector, config: request.connectionConfig, credentials, dispatcher, authMethod }, request.redirectUri);
                    if (refusal?.reason !== 'auth_method_not_allowed') return refusal === undefined ? undefined : failureOf(refusal);
                }
                return undefined;
            } finally {
                await dispatcher.close();
            }
        },
        async completeAuthorization(request) {
            const credentials = { clientId: request.credentials['clientId'] ?? '', clientSecret: request.credentials['clientSecret'] ?? '' };
            const dispatcher = dispatcherFor(request.connectionConfig);
            try {
                const client = { connector, config: request.connectionConfig, credentials, dispatcher };
                const { authMethod, tokens } = await exchangeWithEachMethod(client, request, request.code);
                return await testThenSave({
                    ...specOf(request, {
                        ...credentials,
                        accessToken: tokens.accessToken,
                        accessTokenExpiresAt: new Date(tokens.expiresAt).toISOString(),
                        ...(tokens.refreshToken === undefined ? {} : { refreshToken: tokens.refreshToken }),
                    }),
                    authMethod,
                });
            } catch (error) {
                if (error instanceof AuthFailedError && (error.reason === 'invalid_client' || error.reason === 'auth_method_not_allowed'))
                    return { ok: false, message: error.message, hint: authMethodHint };
                return failureOf(error);
            } finally {
                await dispatcher.close();
            }
        },
    };
}
