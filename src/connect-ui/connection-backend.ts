import type { ProviderConnector } from '../../connectors/registry.generated.js';
import type { ConnectionSecrets, ConnectionSpec } from '../connections/connection-spec.js';
import { createRuntime } from '../connections/runtime.js';
import { openHarness } from '../harness/index.js';
import { createPingOneDispatcher } from '../http/index.js';
import { consoleName, exchangeAuthorizationCode, parseTokenAuthMethod } from '../oauth/index.js';
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

    /**
     * The form has no authentication-method field: PingOne's default is tried first and, when the
     * application refuses it, the other method the provider supports (Nango's and Cyclr's guides
     * tell people to pick Client Secret Post). The one that works is saved with the connection.
     */
    async function testEachMethod(spec: ConnectionSpec) {
        const first = await test(spec);
        if (first.tested.reason !== 'auth_method_not_allowed' || spec.secrets.refreshToken !== undefined) return first;
        const tried = spec.authMethod ?? parseTokenAuthMethod(undefined);
        const other = connector.extensions.token_auth_methods.find((method) => method !== tried);
        if (other === undefined) return first;
        const second = await test({ ...spec, authMethod: other });
        return second.tested.reason === 'auth_method_not_allowed' ? first : second;
    }

    async function testThenSave(untested: ConnectionSpec): Promise<ConnectResponse> {
        const { spec, tested } = await testEachMethod(untested);
        if (!tested.ok) {
            return {
                ok: false,
                message: tested.message,
                ...(tested.hint === undefined ? {} : { hint: tested.hint }),
                ...(tested.field === undefined ? {} : { field: tested.field }),
            };
        }
        const firstSync = await save(spec);
        options.onSaved?.({ name: spec.name });
        const next = firstSync === undefined ? '' : ` Next: pingone-connector sync ${firstSync} --connection ${spec.name}`;
        const method = spec.authMethod === untested.authMethod || spec.authMethod === undefined ? '' : ` The application uses ${consoleName(spec.authMethod)}.`;
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
                // PingOne's default for a new application; a different setting is explained by the token error.
                const client = { connector, config: request.connectionConfig, credentials, authMethod: parseTokenAuthMethod(undefined), dispatcher };
                const tokens = await exchangeAuthorizationCode(client, request, request.code);
                return await testThenSave(
                    specOf(request, {
                        ...credentials,
                        accessToken: tokens.accessToken,
                        accessTokenExpiresAt: new Date(tokens.expiresAt).toISOString(),
                        ...(tokens.refreshToken === undefined ? {} : { refreshToken: tokens.refreshToken }),
                    }),
                );
            } catch (error) {
                return failureOf(error);
            } finally {
                await dispatcher.close();
            }
        },
    };
}
