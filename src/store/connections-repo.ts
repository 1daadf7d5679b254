import { StoreError } from '../errors/store-error.js';
import { tokenAuthMethods, type TokenAuthMethod } from '../connector/token-auth-method.js';
import type { StoreContext } from './store-context.js';

export type { TokenAuthMethod };

/** The non-secret part of a connection. Its secrets live in the secrets file (see secrets-store.ts). */
export interface ConnectionInput {
    name: string;
    /** The provider key, e.g. `pingone-cc`. */
    provider: string;
    /** The connection config (`environmentId`, `tld`, ...): never a secret. */
    config: Readonly<Record<string, string>>;
    /** How the client authenticates at the token endpoint (client credentials). */
    authMethod?: TokenAuthMethod | undefined;
    /** Sends this connection's PingOne traffic to an emulator at this origin. */
    emulatorUrl?: string | undefined;
}

export interface StoredConnection extends ConnectionInput {
    createdAt: string;
    updatedAt: string;
}

interface ConnectionRow {
    id: number;
    name: string;
    provider: string;
    config: string;
    auth_method: TokenAuthMethod | null;
    emulator_url: string | null;
    metadata: string;
    created_at: string;
    updated_at: string;
}

/** A connection's row exactly as it was (metadata and times included), for `restore`. */
export type ConnectionSnapshot = Readonly<ConnectionRow>;

const namePattern = /^[A-Za-z0-9][A-Za-z0-9._@:-]{0,127}$/;
const secretLookingKey = /secret|password|token|private.?key|assertion/i;

export function checkConnectionName(name: unknown): string {
    if (typeof name === 'string' && namePattern.test(name)) return name;
    throw new StoreError('invalid_argument', `The connection name ${JSON.stringify(name)} is not usable.`, {
        hint: 'Use 1 to 128 letters, digits, `.`, `_`, `-`, `@` or `:`, starting with a letter or digit.',
    });
}

function checkInput(input: ConnectionInput): void {
    checkConnectionName(input.name);
    if (typeof input.provider !== 'string' || input.provider === '') {
        throw new StoreError('invalid_argument', `Connection ${input.name} has no provider key.`, { hint: 'Set provider to e.g. `pingone-cc` or `pingone`.' });
    }
    for (const [key, value] of Object.entries(input.config)) {
        if (secretLookingKey.test(key)) {
            throw new StoreError(
                'invalid_argument',
                `Connection ${input.name}: the config field \`${key}\` looks like a secret and would be stored unencrypted.`,
                {
                    hint: 'Keep client secrets and tokens in store.secrets; the connection config holds only non-secret fields such as environmentId and tld.',
                },
            );
        }
        if (typeof value !== 'string') {
            throw new StoreError('invalid_argument', `Connection ${input.name}: the config field \`${key}\` is not a string.`, {
                hint: 'Connection config values are strings.',
            });
        }
    }
    if (input.authMethod !== undefined && !tokenAuthMethods.includes(input.authMethod)) {
        throw new StoreError('invalid_argument', `Connection ${input.name}: unknown token auth method ${JSON.stringify(input.authMethod)}.`, {
            hint: `Use one of ${tokenAuthMethods.join(', ')}.`,
        });
    }
}

function fromRow(row: ConnectionRow): StoredConnection {
    return {
        name: row.name,
        provider: row.provider,
        config: JSON.parse(row.config) as Record<string, string>,
        ...(row.auth_method === null ? {} : { authMethod: row.auth_method }),
        ...(row.emulator_url === null ? {} : { emulatorUrl: row.emulator_url }),
        createdAt: row.created_at,
        updatedAt: row.updated_at,
    };
}

/**
 * Whether two versions of a connection read the same data: same provider, config and emulator.
 * Records, checkpoints and delete tracking describe one environment; another one makes them wrong.
 */
export function sameSource(
    a: Pick<ConnectionInput, 'provider' | 'config' | 'emulatorUrl'>,
    b: Pick<ConnectionInput, 'provider' | 'config' | 'emulatorUrl'>,
): boolean {
    const sorted = (config: Readonly<Record<string, string>>) => JSON.stringify(Object.entries(config).sort(([x], [y]) => x.localeCompare(y)));
    return a.provider === b.provider && (a.emulatorUrl ?? null) === (b.emulatorUrl ?? null) && sorted(a.config) === sorted(b.config);
}

export function createConnectionsRepo(context: StoreContext) {
    const { db } = context;
    const selectAll = db.prepare<[], ConnectionRow>('SELECT * FROM connections ORDER BY name');
    const selectOne = db.prepare<[string], ConnectionRow>('SELECT * FROM connections WHERE name = ?');
    const selectId = db.prepare<[string], { id: number }>('SELECT id FROM connections WHERE name = ?');
    const upsert = db.prepare(
        `INSERT INTO connections (name, provider, config, auth_method, emulator_url, created_at, updated_at)
         VALUES (@name, @provider, @config, @authMethod, @emulatorUrl, @now, @now)
         ON CONFLICT (name) DO UPDATE SET provider = excluded.provider, config = excluded.config,
             auth_method = excluded.auth_method, emulator_url = excluded.emulator_url, updated_at = excluded.updated_at`,
    );
    const deleteOne = db.prepare('DELETE FROM connections WHERE name = ?');
    const putBack = db.prepare<[ConnectionSnapshot]>(
        `UPDATE connections SET provider = @provider, config = @config, auth_method = @auth_method, emulator_url = @emulator_url,
             metadata = @metadata, updated_at = @updated_at WHERE id = @id`,
    );
    const clearCheckpoints = db.prepare<[number]>('DELETE FROM checkpoints WHERE connection_id = ?');
    const clearRecords = db.prepare<[number]>('DELETE FROM records WHERE model_id IN (SELECT id FROM models WHERE connection_id = ?)');
    // The models stay, with their cursor counters: cursors a consumer holds keep pointing before the new records.
    const clearTracking = db.prepare<[number]>('UPDATE models SET tracking_run_id = NULL, tracking_started_at = NULL WHERE connection_id = ?');
    /** The row id, for the other repositories; an unknown name is a StoreError with a hint. */
    function idOf(name: string): number {
        const row = selectId.get(name);
        if (row === undefined) {
            throw new StoreError('unknown_connection', `There is no connection named ${JSON.stringify(name)} in ${context.path}.`, {
                hint: 'Run `npx pingone-connector connections list` to see the connections, or create it with `npx pingone-connector connect`.',
            });
        }
        return row.id;
    }
    const clearData = context.writeTransaction((id: number) => {
        clearCheckpoints.run(id);
        clearRecords.run(id);
        clearTracking.run(id);
    });

    return {
        list(): StoredConnection[] {
            return selectAll.all().map(fromRow);
        },
        get(name: string): StoredConnection | undefined {
            const row = selectOne.get(name);
            return row === undefined ? undefined : fromRow(row);
        },
        /** Creates the connection, or replaces its non-secret fields (its records, metadata and creation time stay). */
        save(input: ConnectionInput): StoredConnection {
            checkInput(input);
            upsert.run({
                name: input.name,
                provider: input.provider,
                config: JSON.stringify(input.config),
                authMethod: input.authMethod ?? null,
                emulatorUrl: input.emulatorUrl ?? null,
                now: context.now(),
            });
            return fromRow(selectOne.get(input.name) as ConnectionRow);
        },
        snapshot(name: string): ConnectionSnapshot | undefined {
            return selectOne.get(name);
        },
        /** Puts a snapshot's row back as it was; its records, checkpoints and runs were never touched by `save`. */
        restore(snapshot: ConnectionSnapshot): void {
            putBack.run(snapshot);
        },
        /**
         * Forgets what the connection read: its records, checkpoints and delete tracking. Its
         * metadata (settings a person chose, such as pacing) and its run history stay.
         */
        clearData(name: string): void {
            clearData(idOf(name));
        },
        /** Removes the connection with its records, checkpoints, metadata and runs. True when it existed. */
        remove(name: string): boolean {
            return deleteOne.run(name).changes > 0;
        },
        idOf,
    };
}

export type ConnectionsRepo = ReturnType<typeof createConnectionsRepo>;
