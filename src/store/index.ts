import Database from 'better-sqlite3';
import { StoreError } from '../errors/store-error.js';
import { createCheckpointsRepo } from './checkpoints-repo.js';
import { createConnectionsRepo } from './connections-repo.js';
import { openDatabase, toStoreError, withStoreErrors } from './database.js';
import { createFoundRatesRepo } from './found-rates-repo.js';
import { createMetadataRepo } from './metadata-repo.js';
import { createModelsRepo } from './models-repo.js';
import { createRecordsListing } from './records-listing.js';
import { createRecordsRepo } from './records-repo.js';
import { createRunsRepo } from './runs-repo.js';
import type { StoreContext } from './store-context.js';
import { openSecretsStore, type SecretsStore } from './secrets-store.js';
import { ensureStoreDirectory, secretsPathFor } from './store-path.js';
import { walCheckpointer } from './wal-checkpointer.js';
import { createTrackDeletes } from './track-deletes.js';

export { defaultStorePath, resolveStorePath, secretsPathFor, storePathVariable, type StorePathOptions } from './store-path.js';
export { unstorableCheckpointField, type Checkpoint } from './checkpoints-repo.js';
export { sameSource, type ConnectionInput, type ConnectionSnapshot, type StoredConnection, type TokenAuthMethod } from './connections-repo.js';
export type { ConnectionMetadata } from './metadata-repo.js';
export type { SavedRate } from './found-rates-repo.js';
export { contentsOf, type RecordContent, type RecordPayload } from './record-content.js';
export type { ListOptions, ModelSummary, NangoRecord, RecordAction, RecordMetadata, RecordPage } from './records-listing.js';
export type { DeleteResult, SaveResult, UpdateResult } from './records-repo.js';
export type { RunEntry, RunKind, RunOutcome, RunStatus } from './runs-repo.js';
export type { TrackDeletesStartResult } from './track-deletes.js';
export { openSecretsStore, type ConnectionSecrets, type RotatedTokens, type SecretsStore, type SecretsStoreOptions } from './secrets-store.js';
export { secretsKeyVariable } from './secrets-cipher.js';

export interface OpenStoreOptions {
    /** The database file; see resolveStorePath for the default and the `--db` / environment overrides. */
    path: string;
    /** `NORMAL` (default) survives SIGKILL; `FULL` also fsyncs every commit against power loss, at a cost in speed. */
    synchronous?: 'NORMAL' | 'FULL';
    /** The passphrase for the secrets file (`PINGONE_CONNECTOR_KEY`); without it the file is plain JSON, mode 0600. */
    secretsKey?: string | undefined;
    /** Warnings for people (e.g. a plain secrets file while the key is set); default: `process.emitWarning`. */
    onWarning?: ((message: string) => void) | undefined;
    /** For tests: the clock that stamps first_seen_at, last_modified_at and runs. */
    now?: () => Date;
}

/** Opens the store, creating the file, its directory (mode 0700) and the schema as needed. */
export function openStore(options: OpenStoreOptions) {
    ensureStoreDirectory(options.path);
    const db = openDatabase(options.path, options.synchronous === undefined ? {} : { synchronous: options.synchronous });
    try {
        return storeOn(db, options);
    } catch (error) {
        db.close();
        throw toStoreError(error, options.path);
    }
}

function storeOn(db: Database.Database, options: OpenStoreOptions) {
    const checkpointer = walCheckpointer(db, options.path);
    function closeFully(): Promise<void> {
        const stopped = checkpointer.stop();
        if (db.open) db.close();
        return stopped;
    }
    const clock = options.now ?? (() => new Date());
    const context: StoreContext = {
        db,
        path: options.path,
        now: () => clock().toISOString(),
        writeTransaction(fn) {
            const transaction = db.transaction(fn).immediate;
            return (...args) => {
                // Once per outermost transaction: a savepoint inside one only adds to its commit.
                if (!db.inTransaction) checkpointer.beforeWrite();
                return transaction(...args);
            };
        },
    };
    const connections = createConnectionsRepo(context);
    const models = createModelsRepo(context);
    const translated = <T extends object>(repo: T): T => withStoreErrors(repo, options.path);
    const records = { ...createRecordsRepo(context, connections, models), ...createRecordsListing(context, connections, models) };

    let secrets: SecretsStore | undefined;
    const runs = translated(createRunsRepo(context, connections));
    runs.settleInterrupted();

    const foundRates = createFoundRatesRepo(context, connections);
    const refuseRemoval = (name: string): void => runs.refuseWhileSyncing(name, 'removing it', 'would take its records and its run from under that sync');

    return {
        path: options.path,
        /** The secrets file beside the database: `<name>.secrets.json` for `<name>.db`. */
        secretsPath: secretsPathFor(options.path),
        /**
         * The connections' secrets, in their own file (never in the database). Opened on first use,
         * so that commands which need no secret work even when the file cannot be read.
         * `connections.remove` leaves them: remove them here too.
         */
        get secrets(): SecretsStore {
            secrets ??= openSecretsStore({ path: secretsPathFor(options.path), key: options.secretsKey, onWarning: options.onWarning });
            return secrets;
        },
        connections: translated({
            list: connections.list,
            get: connections.get,
            save: connections.save,
            /** Throws `run_in_progress` while a sync of the connection runs: for callers to check before they tear anything down. */
            refuseRemovalWhileSyncing: refuseRemoval,
            /** Removes the connection with its records, checkpoints, metadata and runs; refused while a sync of it runs. True when it existed. */
            remove: context.writeTransaction((name: string): boolean => {
                if (connections.get(name) === undefined) return false;
                refuseRemoval(name);
                return connections.remove(name);
            }),
            snapshot: connections.snapshot,
            restore: connections.restore,
            /**
             * Forgets what the connection read (records, checkpoints, delete tracking) and the rate its budget found
             * (another source may be another licence); refused while a sync of it runs.
             */
            clearData: context.writeTransaction((name: string) => {
                runs.refuseWhileSyncing(name, 'clearing its records', "would mix that sync's pages into the new source");
                connections.clearData(name);
                foundRates.save(name, undefined);
            }),
        }),
        records: translated(records),
        trackDeletes: translated(createTrackDeletes(context, connections, models)),
        checkpoints: translated(createCheckpointsRepo(context, connections)),
        metadata: translated(createMetadataRepo(context, connections)),
        /** The rate each connection's request budget found from 429s, for its next run to start from. */
        foundRates: translated(foundRates),
        runs,
        models: (connection: string) => models.names(connections.idOf(connection)),
        /**
         * Runs `fn` in one transaction: everything it writes through this store commits together or
         * not at all (a batch call inside becomes a savepoint). Use it to save a page's records with
         * the checkpoint that follows them. `fn` must be synchronous.
         */
        transaction<T>(fn: () => T): T {
            if (fn.constructor.name === 'AsyncFunction') {
                throw new StoreError('invalid_argument', 'store.transaction was given an async function; its writes would escape the transaction.', {
                    hint: 'Await everything first, then pass a synchronous function that only writes.',
                });
            }
            try {
                return context.writeTransaction(fn)();
            } catch (error) {
                throw toStoreError(error, options.path);
            }
        },
        /** `ok`, or SQLite's list of problems, one a line. */
        integrityCheck(): string {
            const problems: string[] = [];
            try {
                for (const problem of db.prepare<[], string>('PRAGMA integrity_check').pluck().iterate()) problems.push(problem);
            } catch (error) {
                // Damage can stop the check part-way: what it found stands, followed by why it stopped.
                if (!(error instanceof Database.SqliteError)) throw error;
                problems.push(`The check stopped: ${error.message} (${error.code}).`);
            }
            return problems.join('\n');
        },
        /** Closes the database; the background checkpoints stop soon after (`closeFully` waits for them). */
        close(): void {
            void closeFully();
        },
        /** Closes the database and resolves once the background checkpoints have stopped too: a folder holding it may then be removed. */
        closeFully,
        /** For benchmarks and diagnostics only. */
        get database(): Database.Database {
            return db;
        },
    };
}

export type Store = ReturnType<typeof openStore>;
