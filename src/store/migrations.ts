import type Database from 'better-sqlite3';
import { StoreError } from '../errors/store-error.js';

// Each entry moves the schema from version i to i + 1 (PRAGMA user_version). Append only: a
// released entry is never edited, because databases in the field have already run it.
const migrations: readonly string[] = [
    `
    CREATE TABLE connections (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        provider TEXT NOT NULL,
        config TEXT NOT NULL,
        auth_method TEXT,
        emulator_url TEXT,
        metadata TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );

    -- One row per (connection, model). It carries the model's cursor counter and its track-deletes
    -- generation, so that marking a record "seen" is one integer column on the record itself.
    CREATE TABLE models (
        id INTEGER PRIMARY KEY,
        connection_id INTEGER NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        last_cursor INTEGER NOT NULL DEFAULT 0,
        generation INTEGER NOT NULL DEFAULT 0,
        tracking_run_id INTEGER,
        tracking_started_at TEXT,
        UNIQUE (connection_id, name)
    );

    CREATE TABLE records (
        model_id INTEGER NOT NULL REFERENCES models(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        payload TEXT NOT NULL,
        hash BLOB NOT NULL,
        first_seen_at TEXT NOT NULL,
        last_modified_at TEXT NOT NULL,
        deleted_at TEXT,
        last_action TEXT NOT NULL CHECK (last_action IN ('ADDED', 'UPDATED', 'DELETED')),
        cursor INTEGER NOT NULL,
        seen_generation INTEGER NOT NULL,
        PRIMARY KEY (model_id, id)
    ) WITHOUT ROWID;
    CREATE UNIQUE INDEX records_by_cursor ON records (model_id, cursor);

    CREATE TABLE checkpoints (
        connection_id INTEGER NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
        sync TEXT NOT NULL,
        checkpoint TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (connection_id, sync)
    ) WITHOUT ROWID;

    CREATE TABLE runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        connection_id INTEGER NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
        script TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('sync', 'action', 'on-event')),
        status TEXT NOT NULL CHECK (status IN ('running', 'success', 'failed')),
        started_at TEXT NOT NULL,
        finished_at TEXT,
        added INTEGER NOT NULL DEFAULT 0,
        updated INTEGER NOT NULL DEFAULT 0,
        deleted INTEGER NOT NULL DEFAULT 0,
        requests INTEGER NOT NULL DEFAULT 0,
        retries INTEGER NOT NULL DEFAULT 0,
        error TEXT
    );
    CREATE INDEX runs_by_connection ON runs (connection_id, id);
    `,
    // The process that runs it, so that a run whose process was killed can be told from one still going.
    `ALTER TABLE runs ADD COLUMN pid INTEGER;`,
    // records as an ordinary rowid table. WITHOUT ROWID suits rows under about a twentieth of a
    // page; a record's payload is around 1 KB, so the clustered key (random UUIDs) split fat pages
    // all over the file: saveBatch slowed as the file grew, at several KB per record.
    `
    CREATE TABLE records_rowid (
        model_id INTEGER NOT NULL REFERENCES models(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        payload TEXT NOT NULL,
        hash BLOB NOT NULL,
        first_seen_at TEXT NOT NULL,
        last_modified_at TEXT NOT NULL,
        deleted_at TEXT,
        last_action TEXT NOT NULL CHECK (last_action IN ('ADDED', 'UPDATED', 'DELETED')),
        cursor INTEGER NOT NULL,
        seen_generation INTEGER NOT NULL,
        UNIQUE (model_id, id)
    );
    INSERT INTO records_rowid (model_id, id, payload, hash, first_seen_at, last_modified_at, deleted_at, last_action, cursor, seen_generation)
        SELECT model_id, id, payload, hash, first_seen_at, last_modified_at, deleted_at, last_action, cursor, seen_generation
        FROM records ORDER BY model_id, cursor;
    DROP TABLE records;
    ALTER TABLE records_rowid RENAME TO records;
    CREATE UNIQUE INDEX records_by_cursor ON records (model_id, cursor);
    `,
    // When the run's process started: with the pid it tells that process from a later one given the same pid.
    `ALTER TABLE runs ADD COLUMN pid_started TEXT;`,
    // The default token endpoint authentication method became Client Secret Post (what Nango sends):
    // a connection saved without one was made, and tested, with the old default, Basic, and keeps it.
    `UPDATE connections SET auth_method = 'client_secret_basic' WHERE auth_method IS NULL;`,
    // The rate a connection's request budget found from PingOne's 429s, so that its next run starts there.
    `
    CREATE TABLE found_rates (
        connection_id INTEGER PRIMARY KEY REFERENCES connections(id) ON DELETE CASCADE,
        requests_per_second REAL NOT NULL CHECK (requests_per_second > 0),
        limit_at REAL NOT NULL CHECK (limit_at >= requests_per_second),
        found_at TEXT NOT NULL
    );
    `,
];

export const schemaVersion = migrations.length;

/** Brings the schema to `target` (tests stop short of the latest to build an older database), each step in its own transaction. */
export function migrate(db: Database.Database, path: string, target = schemaVersion): void {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > schemaVersion) {
        throw new StoreError(
            'schema_too_new',
            `The database ${path} has schema version ${current}; this version of pingone-connector knows up to ${schemaVersion}.`,
            {
                hint: 'Upgrade pingone-connector, or point --db / PINGONE_CONNECTOR_DB at another database file.',
            },
        );
    }
    for (let version = current; version < target; version++) {
        const step = migrations[version] as string;
        // IMMEDIATE, and the version read again under the write lock: another process opening the
        // same new database at once may have applied this step while this one waited for the lock.
        db.transaction(() => {
            if (db.pragma('user_version', { simple: true }) !== version) return;
            db.exec(step);
            db.pragma(`user_version = ${version + 1}`);
        }).immediate();
    }
}
