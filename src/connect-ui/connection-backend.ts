import type { Connector } from '../connector/connector.js';
import type { ConnectionSecrets, ConnectionSpec } from '../connections/connection-spec.js';
import { createRuntime } from '../connections/runtime.js';
import { openHarness } from '../harness/index.js';
import { browserUrlFor } from './browser-url.js';
import type { ConnectBackend } from './connect-backend.js';
import type { ConnectRequest, ConnectResponse } from './protocol.js';

// The Connect UI's backend is the CLI's `connect`: the same runtime (dispatcher with host allow-list
// and emulator mapping, token source, diagnosis) tests the connection before anything is saved, and
// the same connections API saves it in the same store. Nothing it returns carries a secret.

export interface ConnectionBackendOptions {
    connector: Connector;
    /** The database the CLI uses (resolveStorePath). */
    storePath: string;
    /** The loopback emulator standing in for PingOne, if any (already checked to be loopback). */
    emulatorUrl: string | undefined;
    env: NodeJS.ProcessEnv;
    onSaved?: (connection: { name: string }) => void;
}

export interface ConnectionBackend extends ConnectBackend {
    close(): Promise<void>;
}

function specOf(options: ConnectionBackendOptions, request: ConnectRequest & { connectionName: string }, secrets: ConnectionSecrets): ConnectionSpec {
    return {
        name: request.connectionName,
        provider: options.connector.key,
        config: request.connectionConfig,
        secrets,
        emulatorUrl: options.emulatorUrl,
    };
}

function capitalized(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

export function createConnectionBackend(options: ConnectionBackendOptions): ConnectionBackend {
    const { connector, env } = options;

    async function testThenSave(spec: ConnectionSpec): Promise<ConnectResponse> {
        const rotated: Partial<ConnectionSecrets> = {};
        const runtime = createRuntime(spec, spec.secrets, (changes) => Object.assign(rotated, changes), { env });
        let tested: Awaited<ReturnType<typeof runtime.test>>;
        try {
            tested = await runtime.test();
        } finally {
            await runtime.close();
        }
        if (!tested.ok) return { ok: false, message: tested.message, ...(tested.hint === undefined ? {} : { hint: tested.hint }) };
        const harness = openHarness({ dbPath: options.storePath, env });
        let firstSync: string | undefined;
        try {
            await harness.connections.create({ ...spec, secrets: { ...spec.secrets, ...rotated } });
            firstSync = harness.scripts(spec.name).sync[0];
        } finally {
            await harness.close();
        }
        options.onSaved?.({ name: spec.name });
        const next = firstSync === undefined ? '' : ` Next: pingone-connector sync ${firstSync} --connection ${spec.name}`;
        return {
            ok: true,
            message: `Connected, and saved as the connection "${spec.name}".`,
            detail: `${capitalized(tested.message)} Saved in ${options.storePath}.${next}`,
            connectionConfig: spec.config,
        };
    }

    return {
        authorizationScopes: [],
        browserUrl: browserUrlFor(options.emulatorUrl),
        testAndSave(request) {
            const { clientId, clientSecret } = request.credentials;
            return testThenSave(specOf(options, request, { clientId, clientSecret }));
        },
        async completeAuthorization(request) {
            void connector;
            return { ok: false, message: `not yet ${request.connectionName}` };
        },
        close: async () => undefined,
    };
}
