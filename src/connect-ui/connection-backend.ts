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
    onSaved?: (connection: { name: string }) => void;
}

type Request = ConnectRequest & { connectionName: string };

function capitalized(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

// The token error's own hint names the CLI's --auth-method; the form has no such field and tries both methods itself.
const authMethodHint =
    "In PingOne, set the application's Token Endpoint Authentication Method to Client Secret Basic or Client Secret Post: the Connect UI tries both.";

export function createConnectionBackend(options: ConnectionBackendOptions): ConnectBackend {
    const { connector, env, emulatorUrl } = options;

    function specOf(request: Request, secrets: ConnectionSecrets): ConnectionSpec {
        return { name: request.connectionName, provider: connector.key, config: request.connectionConfig, secrets, emulatorUrl };
    }

    async function save(spec: ConnectionSpec): Promise<string | undefined> {
        const harness = openHarness({ dbPath: options.storePath, env });
        try {
            await harness.connections.create(spec);
            return harness.scripts(spec.name).sync[0];
        } finally {
            await harness.close();
        }
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

    function otherMethod(tried: TokenAuthMethod): TokenAuthMethod | undefined {
        return connector.extensions.token_auth_methods.find((method) => method !== tried);
    }

    /**
     * The form has no authentication-method field: PingOne's default is tried first and, when the
     * application refuses it, the other method the provider supports (Nango's and Cyclr's guides
     * tell people to pick Client Secret Post). The one that works is saved with the connection.
     */
    async function testEachMethod(spec: ConnectionSpec) {
        const first = await test(spec);
        if (first.tested.reason !== 'auth_method_not_allowed' || spec.secrets.refreshToken !== undefined) return first;
        const other = otherMethod(spec.authMethod ?? defaultTokenAuthMethod);
        if (other === undefined) return first;
        const second = await test({ ...spec, authMethod: other });
        return second.tested.reason === 'auth_method_not_allowed' ? first : second;
    }

    /**
     * The code exchange, likewise: PingOne's default first, then the other method when the
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
            if (!(error instanceof AuthFailedError) || error.reason !== 'auth_method_not_allowed' || other === undefined) throw error;
            try {
                return { authMethod: other, tokens: await exchangeAuthorizationCode({ ...client, authMethod: other }, request, code) };
            } catch (retried) {
                if (!(retried instanceof AuthFailedError) || retried.reason !== 'invalid_grant') throw retried;
                throw new AuthFailedError(
                    'auth_method_not_allowed',
                    `PingOne refused ${consoleName(defaultTokenAuthMethod)} for this application, and then took the sign-on code as used when it was sent with ${consoleName(other)}.`,
                    {
                        hint: `In PingOne, set the application's Token Endpoint Authentication Method to ${consoleName(defaultTokenAuthMethod)} and connect again, or connect with the CLI: npx pingone-connector connect <name> --provider pingone --auth-method ${other}.`,
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
            const hint = tested.reason === 'auth_method_not_allowed' ? authMethodHint : tested.hint;
            return {
                ok: false,
                message: tested.message,
                ...(hint === undefined ? {} : { hint }),
                ...(tested.field === undefined ? {} : { field: tested.field }),
            };
        }
        const firstSync = await save(spec);
        options.onSaved?.({ name: spec.name });
        const next = firstSync === undefined ? '' : ` Next: npx pingone-connector sync ${firstSync} --connection ${spec.name}`;
        const method =
            spec.authMethod === undefined || spec.authMethod === defaultTokenAuthMethod ? '' : ` The application uses ${consoleName(spec.authMethod)}.`;
        return {
            ok: true,
            message: `Connected, and saved as the connection "${spec.name}".`,
            detail: `${capitalized(tested.message)}${method} Saved in ${options.storePath}.${next}`,
            connectionConfig: spec.config,
        };
    }

    return {
        authorizationScopes: connector.extensions.default_scopes,
        browserUrl: browserUrlFor(emulatorUrl, Object.keys(connector.extensions.regions)),
        async testAndSave(request) {
            const { clientId, clientSecret } = request.credentials;
            try {
                return await testThenSave(specOf(request, { clientId, clientSecret }));
            } catch (error) {
                return failureOf(error);
            }
        },
        async completeAuthorization(request) {
            const credentials = { clientId: request.credentials['clientId'] ?? '', clientSecret: request.credentials['clientSecret'] ?? '' };
            const dispatcher = createPingOneDispatcher({
                allowedHosts: connector.allowedHosts(request.connectionConfig),
                ...(emulatorUrl === undefined ? {} : { emulatorOrigin: emulatorUrl }),
            });
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
                if (error instanceof AuthFailedError && error.reason === 'auth_method_not_allowed')
                    return { ok: false, message: error.message, hint: authMethodHint };
                return failureOf(error);
            } finally {
                await dispatcher.close();
            }
        },
    };
}
