import Database from 'better-sqlite3';
import { closeSync, openSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors/index.js';
import { openStore } from '../../src/store/index.js';
import { pageSize } from '../../src/store/database-file.js';
import { schemaVersion } from '../../src/store/migrations.js';
import { useTempStore } from './temp-store.js';

const temp = useTempStore();

/** Saves 2,000 records of 1 KB, closes the store and overwrites a page in the middle of the file (records, not the schema). */
function damageRecords(): void {
    const padding = 'x'.repeat(1000);
    for (let batch = 0; batch < 20; batch++) {
        temp.store.records.saveBatch(
            'demo',
            'User',
            Array.from({ length: 100 }, (_, n) => ({ id: `u${batch}-${n}`, padding })),
        );
    }
    temp.store.close();
    const middle = Math.floor(statSync(temp.path).size / pageSize / 2);
    const file = openSync(temp.path, 'r+');
    writeSync(file, Buffer.alloc(pageSize, 0x5a), 0, pageSize, middle * pageSize);
    closeSync(file);
}

/** Where a symbolic link points, or undefined once it is gone. */
function readlinkOr(link: string): string | undefined {
    try {
        return readlinkSync(link);
    } catch {
        return undefined;
    }
}

describe('the database file', () => {
    it('is in WAL mode with foreign keys on, at the current schema version, and reopens without migrating again', () => {
        const { store } = temp;
        expect(store.database.pragma('journal_mode', { simple: true })).toBe('wal');
        expect(store.database.pragma('foreign_keys', { simple: true })).toBe(1);
        expect(store.database.pragma('user_version', { simple: true })).toBe(schemaVersion);
        store.records.saveBatch('demo', 'User', [{ id: 'u1' }]);
        store.close();
        const again = openStore({ path: temp.path });
        expect(again.records.summary('demo')).toEqual([{ model: 'User', total: 1, deleted: 0 }]);
        again.close();
    });

    it('is created with 8 KB pages, and a file made with 4 KB pages (earlier versions) keeps them and works', () => {
        expect(pageSize).toBe(8192);
        expect(temp.store.database.pragma('page_size', { simple: true })).toBe(pageSize);
        const older = join(temp.directory, 'older.db');
        const made = new Database(older);
        made.pragma('page_size = 4096');
        made.pragma('journal_mode = WAL');
        made.close();
        const store = openStore({ path: older });
        store.connections.save({ name: 'demo', provider: 'pingone-cc', config: { environmentId: 'f9a7d1c2-0b1e-4d1a-9a0e-3f2c1b4a5d6e', tld: 'com' } });
        expect(store.records.saveBatch('demo', 'User', [{ id: 'u1' }, { id: 'u2' }])).toEqual({ added: 2, updated: 0, unchanged: 0 });
        expect(store.database.pragma('page_size', { simple: true })).toBe(4096);
        store.close();
    });

    it('is created readable by its owner only, and so are its WAL files', () => {
        temp.store.records.saveBatch('demo', 'User', [{ id: 'u1', email: 'ada@example.com' }]);
        const files = readdirSync(temp.directory).filter((name) => name.startsWith('pingone.db'));
        expect(files).toEqual(expect.arrayContaining(['pingone.db', 'pingone.db-wal']));
        for (const file of files) expect(statSync(join(temp.directory, file)).mode & 0o777).toBe(0o600);
    });

    it('refuses a database written by a newer version, with a hint, and leaves it alone', () => {
        temp.store.close();
        const raw = new Database(temp.path);
        raw.pragma(`user_version = ${schemaVersion + 1}`);
        raw.close();
        const open = () => openStore({ path: temp.path });
        expect(open).toThrow(StoreError);
        expect(open).toThrow(expect.objectContaining({ reason: 'schema_too_new', hint: expect.stringMatching(/Upgrade pingone-connector/) }));
        const check = new Database(temp.path, { readonly: true });
        expect(check.pragma('user_version', { simple: true })).toBe(schemaVersion + 1);
        check.close();
    });

    it('refuses a file that is not a database, or a directory, naming the path and the flag that moves it', () => {
        const path = join(temp.directory, 'notes.db');
        writeFileSync(path, 'these are not the records you are looking for'.repeat(100));
        expect(() => openStore({ path })).toThrow(
            expect.objectContaining({ reason: 'not_a_database', message: expect.stringContaining(path), hint: expect.stringContaining('--db') }),
        );
    });
});

describe('an empty database file', () => {
    it('is refused, not opened as a new store, and its secrets stay, with the way out named', () => {
        const { store } = temp;
        store.secrets.set('demo', { clientId: 'client-1', clientSecret: 'cs-kept-beside-an-empty-database' });
        store.close();
        truncateSync(temp.path, 0);
        rmSync(`${temp.path}-wal`, { force: true });
        const secretsBefore = readFileSync(store.secretsPath, 'utf8');

        expect(() => openStore({ path: temp.path })).toThrow(
            expect.objectContaining({
                code: 'store_error',
                reason: 'empty_database',
                message: expect.stringContaining(`The database ${temp.path} is an empty file (0 bytes)`),
                hint: expect.stringMatching(/Restore .* from a backup; or, to start afresh, delete it and .*pingone\.secrets\.json/),
            }),
        );
        expect(statSync(temp.path).size).toBe(0);
        expect(readFileSync(store.secretsPath, 'utf8')).toBe(secretsBefore);
    });

    it('is never what a new store looks like: a new database file has its header from the start', () => {
        const path = join(temp.directory, 'fresh.db');
        const store = openStore({ path });
        store.close();
        expect(statSync(path).size).toBeGreaterThan(0);
        expect(readdirSync(temp.directory).filter((name) => name.endsWith('.new'))).toEqual([]);
        expect(() => openStore({ path }).close()).not.toThrow();
    });
});

describe('a database the store cannot use', () => {
    /** The descriptors this process has open on the file: a store that failed to open must leave none. */
    const descriptorsOn = (path: string) => readdirSync('/proc/self/fd').filter((fd) => readlinkOr(`/proc/self/fd/${fd}`) === path);

    it('fails to open with a StoreError and leaves the file closed when a table is missing', () => {
        temp.store.close();
        const raw = new Database(temp.path);
        raw.exec('DROP TABLE checkpoints');
        raw.close();
        expect(descriptorsOn(temp.path)).toEqual([]);
        const failure = (() => {
            try {
                openStore({ path: temp.path });
            } catch (error) {
                return error;
            }
        })();
        expect(descriptorsOn(temp.path)).toEqual([]);
        expect(failure).toBeInstanceOf(StoreError);
        expect(failure).toMatchObject({ message: expect.stringMatching(/no such table: checkpoints/) });
    });
});

describe('a damaged database', () => {
    it('lists every problem the integrity check finds, one a line, and where the check stopped', () => {
        damageRecords();
        const store = openStore({ path: temp.path });
        try {
            const problems = store.integrityCheck().split('\n');
            expect(problems).toEqual(
                expect.arrayContaining([
                    expect.stringMatching(/btreeInitPage/),
                    'wrong # of entries in index records_by_cursor',
                    'wrong # of entries in index sqlite_autoindex_records_1',
                    'The check stopped: database disk image is malformed (SQLITE_CORRUPT).',
                ]),
            );
        } finally {
            store.close();
        }
    });

    it('fails iterating its records with a StoreError that says the file is damaged and what to do', () => {
        damageRecords();
        const store = openStore({ path: temp.path });
        try {
            expect(() => [...store.records.iterate('demo', 'User')]).toThrow(StoreError);
            expect(() => [...store.records.iterate('demo', 'User')]).toThrow(
                expect.objectContaining({ reason: 'corrupt', hint: expect.stringMatching(/move it aside/) }),
            );
        } finally {
            store.close();
        }
    });
});
