import Database from 'better-sqlite3';
import { ConnectorError } from '../errors/connector-error.js';
import { StoreError } from '../errors/store-error.js';
import { prepareDatabaseFile } from './database-file.js';
import { migrate } from './migrations.js';

const sqliteHints: Record<string, { reason: string; hint: string }> = {
    SQLITE_NOTADB: { reason: 'not_a_database', hint: 'The file is not a pingone-connector database; point --db or PINGONE_CONNECTOR_DB at another file.' },
    SQLITE_CORRUPT: { reason: 'corrupt', hint: 'The database is damaged; move it aside and run the syncs again (they rebuild it).' },
    SQLITE_CANTOPEN: { reason: 'io', hint: 'Check that the directory exists and is writable, or choose another place with --db.' },
    SQLITE_READONLY: { reason: 'io', hint: 'The database file or its directory is read-only; fix its permissions or choose another --db.' },
    SQLITE_FULL: { reason: 'io', hint: 'The disk is full; free some space and run again (nothing committed was lost).' },
    SQLITE_BUSY: { reason: 'busy', hint: 'Another process kept the database locked for over 5 seconds; wait for it to finish and run again.' },
};

/** Turns a SQLite failure into a StoreError with a hint; errors of our own pass through unchanged. */
export function toStoreError(error: unknown, path: string): unknown {
    if (error instanceof ConnectorError) return error;
    if (!(error instanceof Database.SqliteError)) {
        const code = (error as NodeJS.ErrnoException | undefined)?.code;
        if (typeof code !== 'string') return error;
        return new StoreError('io', `Cannot open the database ${path} (${code}).`, {
            hint: 'Check that the path names a file (not a directory) you can write, or choose another place with --db or PINGONE_CONNECTOR_DB.',
            cause: error,
        });
    }
    const known = sqliteHints[error.code] ?? Object.entries(sqliteHints).find(([code]) => error.code.startsWith(`${code}_`))?.[1];
    return new StoreError(known?.reason ?? 'io', `The database ${path} failed: ${error.message} (${error.code}).`, {
        hint: known?.hint ?? 'Run again; if it keeps failing, move the database aside and report the message.',
        cause: error,
    });
}

/** The same repository, its methods (generators too) turning SQLite failures (disk full, busy, ...) into StoreErrors. */
export function withStoreErrors<T extends object>(repo: T, path: string): T {
    const wrapped: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(repo)) wrapped[name] = typeof value === 'function' ? translating(value as Method, path) : value;
    return wrapped as T;
}

type Method = (...args: unknown[]) => unknown;

function translating(method: Method, path: string): Method {
    switch (method.constructor.name) {
        case 'Function':
            return (...args) => {
                try {
                    return method(...args);
                } catch (error) {
                    throw toStoreError(error, path);
                }
            };
        case 'GeneratorFunction':
            // A generator's body runs as it is iterated, so its failures surface from next(), not from the call.
            return function* (...args: unknown[]) {
                try {
                    return yield* method(...args) as Generator<unknown, unknown, unknown>;
                } catch (error) {
                    throw toStoreError(error, path);
                }
            };
        default:
            throw new TypeError(`withStoreErrors cannot translate the failures of ${method.constructor.name} ${method.name}.`);
    }
}

/**
 * Opens (creating if needed) the database in WAL mode with `synchronous = NORMAL`. In WAL mode a
 * commit is written to the WAL before the call returns, so a SIGKILLed process loses nothing it
 * committed; NORMAL only skips the fsync per commit, which matters for a power loss, where the last
 * commits may roll back together with their checkpoints, and a run then resumes from an earlier page.
 */
export function openDatabase(path: string, options: { synchronous?: 'NORMAL' | 'FULL' } = {}): Database.Database {
    let db: Database.Database | undefined;
    try {
        prepareDatabaseFile(path);
        db = new Database(path);
        db.pragma('journal_mode = WAL');
        db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
        db.pragma('foreign_keys = ON');
        db.pragma('busy_timeout = 5000');
        migrate(db, path);
        return db;
    } catch (error) {
        db?.close();
        throw toStoreError(error, path);
    }
}
