import { sameSource, type ConnectionSnapshot, type Store, type StoredConnection } from '../store/index.js';
import type { ConnectionSecrets, ConnectionSpec } from './connection-spec.js';
import type { ConnectionRuntime } from './runtime.js';

/** A connection as listed: never its secrets, only whether it has them. */
export interface ConnectionSummary extends StoredConnection {
    credentials: { clientId: string | undefined; hasClientSecret: boolean; hasRefreshToken: boolean; hasAccessToken: boolean };
}

/** What `createValidated` did: kept the connection (and whether it cleared the data of the one it replaced), or put back what was there. */
export type Creation<Refusal> = { refused: Refusal } | { refused: undefined; summary: ConnectionSummary; cleared: boolean };

export interface ConnectionsApi {
    /**
     * Saves (or replaces) a connection whose config the connector has already validated. Replacing
     * one that read another environment (provider, config or emulator) clears its records,
     * checkpoints and delete tracking in the same transaction; its metadata and run history stay.
     */
    create(spec: ConnectionSpec): Promise<ConnectionSummary>;
    /**
     * Saves it as `create` does, then has `validate` judge the saved connection (the integration's
     * validate-connection script runs on a saved one). A refusal, a throw or an abort puts back
     * exactly what was there: the previous connection with its secrets, or nothing. The data of a
     * replaced connection is cleared only once the new one is kept.
     */
    createValidated<Refusal>(spec: ConnectionSpec, validate: () => Promise<Refusal | undefined>): Promise<Creation<Refusal>>;
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
    /** Undoes `write`: the previous row (metadata and times included) and secrets, or no connection at all. */
    async function putBack(name: string, row: ConnectionSnapshot | undefined, held: ConnectionSecrets | undefined): Promise<void> {
        await hooks.forget(name);
        if (row === undefined) store.connections.remove(name);
        else store.connections.restore(row);
        if (held === undefined) secrets.remove(name);
        else secrets.set(name, held);
    }

    /** Writes the secrets and the row; `final` clears a replaced connection's data in the same transaction. */
    async function write(spec: ConnectionSpec, final: boolean) {
        const before = { row: store.connections.snapshot(spec.name), secrets: secrets.get(spec.name) };
        const current = store.connections.get(spec.name);
        const cleared = current !== undefined && !sameSource(current, spec);
        if (cleared) {
            store.runs.refuseWhileSyncing(
                spec.name,
                'replacing it with another provider, environment, region or emulator',
                "would mix that sync's pages into the new source",
            );
        }
        // Secrets first: a connection row never exists without the secrets it needs.
        secrets.set(spec.name, spec.secrets);
        const saved = store.transaction(() => {
            const row = store.connections.save({
                name: spec.name,
                provider: spec.provider,
                config: spec.config,
                authMethod: spec.authMethod,
                emulatorUrl: spec.emulatorUrl,
            });
            if (cleared && final) store.connections.clearData(spec.name);
            return row;
        });
        // A replaced connection gets a fresh dispatcher and token source on its next use.
        await hooks.forget(spec.name);
        return { summary: summarize(saved), cleared, before };
    }

    return {
        async create(spec) {
            return (await write(spec, true)).summary;
        },
        async createValidated(spec, validate) {
            const { summary, cleared, before } = await write(spec, false);
            let refused: Awaited<ReturnType<typeof validate>>;
            try {
                refused = await validate();
            } catch (error) {
                await putBack(spec.name, before.row, before.secrets);
                throw error;
            }
            if (refused !== undefined) {
                await putBack(spec.name, before.row, before.secrets);
                return { refused };
            }
            if (cleared) {
                try {
                    store.connections.clearData(spec.name);
                } catch (error) {
                    // A sync started while the scripts validated: the new source must not meet its pages.
                    await putBack(spec.name, before.row, before.secrets);
                    throw error;
                }
            }
            return { refused: undefined, summary, cleared };
        },
        list() {
            return store.connections.list().map(summarize);
        },
        get(name) {
            const connection = store.connections.get(name);
            return connection === undefined ? undefined : summarize(connection);
        },
        async remove(name) {
            // Before the runtime goes: a sync of it in this process may be using it.
            if (store.connections.get(name) !== undefined) store.connections.refuseRemovalWhileSyncing(name);
            await hooks.forget(name);
            const existed = store.connections.remove(name);
            secrets.remove(name);
            return existed;
        },
        async test(name, options = {}) {
            const runtime = await hooks.runtimeOf(name);
            const populationIds = store.metadata.get(name)?.['populationIds'];
            return runtime.test({
                neededBy: await hooks.rolesNeeded(runtime.view.integration),
                ...(options.signal ? { signal: options.signal } : {}),
                // Saved through `connections metadata --set`, which checked it.
                ...(Array.isArray(populationIds) ? { populationIds: populationIds.map(String) } : {}),
            });
        },
    };
}
