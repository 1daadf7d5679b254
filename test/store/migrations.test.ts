import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { createConnectionsRepo } from '../../src/store/connections-repo.js';
import { migrate, schemaVersion } from '../../src/store/migrations.js';
import { createModelsRepo } from '../../src/store/models-repo.js';
import { createRecordsListing } from '../../src/store/records-listing.js';
import { createRecordsRepo } from '../../src/store/records-repo.js';
import type { StoreContext } from '../../src/store/store-context.js';

const directories: string[] = [];
afterEach(() => {
    for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

/** A database at schema version 2 (records WITHOUT ROWID), written by the store's own repositories. */
function databaseAtVersion2() {
    const directory = mkdtempSync(join(tmpdir(), 'pingone-migrate-'));
    directories.push(directory);
    const path = join(directory, 'pingone.db');
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    migrate(db, path, 2);
    let time = Date.parse('2026-03-01T10:00:00.000Z');
    const context: StoreContext = {
        db,
        path,
        now: () => new Date((time += 1000)).toISOString(),
        writeTransaction: (fn) => db.transaction(fn).immediate,
    };
    const connections = createConnectionsRepo(context);
    const models = createModelsRepo(context);
    const records = { ...createRecordsRepo(context, connections, models), ...createRecordsListing(context, connections, models) };
    connections.save({ name: 'demo', provider: 'pingone-cc', config: { environmentId: 'f9a7d1c2-0b1e-4d1a-9a0e-3f2c1b4a5d6e', tld: 'com' } });
    records.saveBatch('demo', 'User', [
        { id: 'u1', username: 'ada', name: { given: 'Ada' } },
        { id: 'u2', username: 'grace' },
        { id: 'u3', username: 'alan' },
    ]);
    records.saveBatch('demo', 'User', [{ id: 'u2', username: 'grace.hopper' }]);
    records.deleteBatch('demo', 'User', [{ id: 'u3' }]);
    records.saveBatch('demo', 'Group', [{ id: 'g1', name: 'Admins' }]);
    const before = { users: records.list('demo', 'User'), groups: records.list('demo', 'Group') };
    db.close();
    return { path, before };
}

const tableSql = (db: Database.Database) =>
    (db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'records'").get() as { sql: string }).sql;

describe('migration 3: records as a rowid table', () => {
    it('keeps every record of a version-2 database with its metadata, cursors and deletions, and the table loses WITHOUT ROWID', () => {
        const { path, before } = databaseAtVersion2();
        const old = new Database(path, { readonly: true });
        expect(old.pragma('user_version', { simple: true })).toBe(2);
        expect(tableSql(old)).toMatch(/WITHOUT ROWID/);
        old.close();

        const store = openStore({ path });
        try {
            expect(store.database.pragma('user_version', { simple: true })).toBe(schemaVersion);
            expect(tableSql(store.database)).not.toMatch(/WITHOUT ROWID/);
            expect(store.integrityCheck()).toBe('ok');
            expect(store.records.list('demo', 'User')).toEqual(before.users);
            expect(store.records.list('demo', 'Group')).toEqual(before.groups);
            expect(before.users.records.map((record) => [record.id, record._nango_metadata.last_action])).toEqual([
                ['u1', 'ADDED'],
                ['u2', 'UPDATED'],
                ['u3', 'DELETED'],
            ]);
            expect(store.records.summary('demo')).toEqual([
                { model: 'Group', total: 1, deleted: 0 },
                { model: 'User', total: 3, deleted: 1 },
            ]);
            // The hashes came across: an identical re-save is unchanged, and (model, id) is still unique.
            expect(store.records.saveBatch('demo', 'User', [{ id: 'u1', username: 'ada', name: { given: 'Ada' } }, { id: 'u4' }])).toEqual({
                added: 1,
                updated: 0,
                unchanged: 1,
            });
            const duplicate = () =>
                store.database
                    .prepare(
                        `INSERT INTO records (model_id, id, payload, hash, first_seen_at, last_modified_at, last_action, cursor, seen_generation)
                         SELECT model_id, id, payload, hash, first_seen_at, last_modified_at, last_action, 999, seen_generation FROM records WHERE id = 'u1'`,
                    )
                    .run();
            expect(duplicate).toThrow(/UNIQUE constraint failed: records.model_id, records.id/);
        } finally {
            store.close();
        }
    });
});

describe('migration 5: the default token auth method became Client Secret Post', () => {
    it('pins a connection saved without a method to Basic, the default it was made and tested with, and leaves new ones to the default', () => {
        const { path } = databaseAtVersion2();
        const store = openStore({ path });
        try {
            expect(store.connections.get('demo')?.authMethod).toBe('client_secret_basic');
            store.connections.save({ name: 'new', provider: 'pingone-cc', config: { environmentId: 'f9a7d1c2-0b1e-4d1a-9a0e-3f2c1b4a5d6e', tld: 'com' } });
            expect(store.connections.get('new')?.authMethod).toBeUndefined();
        } finally {
            store.close();
        }
    });
});
