import type { Store, StoredConnection } from '../store/index.js';
import type { ConnectionSecrets, ConnectionSpec } from './connection-spec.js';
import type { ConnectionRuntime } from './runtime.js';

/** A connection as listed: never its secrets, only whether it has them. */
export interface ConnectionSummary extends StoredConnection {
    credentials: { clientId: string | undefined; hasClientSecret: boolean; hasRefreshToken: boolean; hasAccessToken: boolean };
}

export interface ConnectionsApi {
    /** Saves (or replaces) a connection whose config the connector has already validated. */
    create(spec: ConnectionSpec): Promise<ConnectionSummary>;
    list(): ConnectionSummary[];
    get(name: string): ConnectionSummary | undefined;
    /** Removes the connection, its records, checkpoints and runs, and its secrets. True when it existed. */
    remove(name: string): Promise<boolean>;
    /** Fetches a token, reads the environment and checks the roles the connection's scripts need; explains a failure in plain words. */
    test(name: string, options?: { signal?: AbortSignal }): ReturnType<ConnectionRuntime['test']>;
}

export function createConnectionsApi(
    store: Store,
    hooks: {
        runtimeOf: (name: string) => Promise<ConnectionRuntime>;
        forget: (name: string) => Promise<void>;
        /** Roles-table key → the scripts of the connection's integration that need it. */
        rolesNeeded: (integration: string) => Promise<Record<string, string[]>>;
    },
): ConnectionsApi {
    const secrets = store.secrets;
    const summarize = (connection: StoredConnection): ConnectionSummary => {
        const held: ConnectionSecrets = secrets.get(connection.name) ?? {};
        return {
            ...connection,
            credentials: {
                clientId: held.clientId,
                hasClientSecret: Boolean(held.clientSecret),
                hasRefreshToken: Boolean(held.refreshToken),
                hasAccessToken: Boolean(held.accessToken),
            },
        };
    };
    return {
        async create(spec) {
            // Secrets first: a connection row never exists without the secrets it needs.
            secrets.set(spec.name, spec.secrets);
            const saved = store.connections.save({
                name: spec.name,
                provider: spec.provider,
                config: spec.config,
                authMethod: spec.authMethod,
                emulatorUrl: spec.emulatorUrl,
            });
            // A replaced connection gets a fresh dispatcher and token source on its next use.
            await hooks.forget(spec.name);
            return summarize(saved);
        },
        list() {
            return store.connections.list().map(summarize);
        },
        get(name) {
            const connection = store.connections.get(name);
            return connection === undefined ? undefined : summarize(connection);
        },
        async remove(name) {
            await hooks.forget(name);
            const existed = store.connections.remove(name);
            secrets.remove(name);
            return existed;
        },
        async test(name, options = {}) {
            const runtime = await hooks.runtimeOf(name);
            return runtime.test(options.signal, await hooks.rolesNeeded(runtime.view.integration));
        },
    };
}
