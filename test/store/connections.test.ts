import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors/index.js';
import { resolveStorePath } from '../../src/store/index.js';
import { useTempStore } from './temp-store.js';

const temp = useTempStore();

describe('connections', () => {
    it('saves, lists, replaces (keeping created_at) and removes a connection with its records, checkpoints and runs', () => {
        const { store, clock } = temp;
        const created = clock.now;
        const saved = store.connections.save({
            name: 'emu',
            provider: 'pingone',
            config: { tld: 'eu' },
            authMethod: 'client_secret_basic',
            emulatorUrl: 'http://127.0.0.1:4010',
        });
        expect(saved).toEqual({
            name: 'emu',
            provider: 'pingone',
            config: { tld: 'eu' },
            authMethod: 'client_secret_basic',
            emulatorUrl: 'http://127.0.0.1:4010',
            createdAt: created,
            updatedAt: created,
        });
        const updated = clock.tick();
        expect(store.connections.save({ name: 'emu', provider: 'pingone', config: { tld: 'com' } })).toEqual({
            name: 'emu',
            provider: 'pingone',
            config: { tld: 'com' },
            createdAt: created,
            updatedAt: updated,
        });
        expect(store.connections.list().map((connection) => connection.name)).toEqual(['demo', 'emu']);

        store.records.saveBatch('emu', 'User', [{ id: 'u1' }]);
        store.checkpoints.save('emu', 'users', { page: 1 });
        store.runs.start('emu', 'users', 'sync');
        expect(store.connections.remove('emu')).toBe(true);
        expect(store.connections.remove('emu')).toBe(false);
        expect(store.connections.get('emu')).toBeUndefined();
        store.connections.save({ name: 'emu', provider: 'pingone', config: {} });
        expect(store.records.summary('emu')).toEqual([]);
        expect(store.checkpoints.get('emu', 'users')).toBeNull();
        expect(store.runs.recent({ connection: 'emu' })).toEqual([]);
    });

    it('refuses a bad name or auth method with a hint', () => {
        const { store } = temp;
        expect(() => store.connections.save({ name: '../x', provider: 'pingone-cc', config: {} })).toThrow(
            expect.objectContaining({ reason: 'invalid_argument' }),
        );
        expect(() => store.connections.save({ name: 'x', provider: 'pingone-cc', config: {}, authMethod: 'private_key_jwt' as never })).toThrow(
            expect.objectContaining({ hint: expect.stringContaining('client_secret_post') }),
        );
    });
});

describe('connection metadata', () => {
    it('sets, merges and reads metadata, and refuses a non-object', () => {
        const { store } = temp;
        expect(store.metadata.get('demo')).toEqual({});
        store.metadata.set('demo', { region: 'eu', populations: ['a'] });
        expect(store.metadata.update('demo', { populations: ['b'], extra: true })).toEqual({ region: 'eu', populations: ['b'], extra: true });
        expect(store.metadata.get('demo')).toEqual({ region: 'eu', populations: ['b'], extra: true });
        expect(() => store.metadata.set('demo', [] as never)).toThrow(StoreError);
    });
});

describe('runs log', () => {
    it('records a run from start to finish, newest first, and refuses to finish a run twice', () => {
        const { store, clock } = temp;
        const startedAt = clock.now;
        const first = store.runs.start('demo', 'users', 'sync');
        const finishedAt = clock.tick(5000);
        store.runs.finish(first, { status: 'success', added: 10, updated: 2, deleted: 1, requests: 7, retries: 1 });
        const second = store.runs.start('demo', 'create-user', 'action');
        store.runs.finish(second, { status: 'failed', error: 'PingOne answered 403' });
        const running = store.runs.start('demo', 'groups', 'sync');

        expect(store.runs.get(first)).toEqual({
            id: first,
            connection: 'demo',
            script: 'users',
            kind: 'sync',
            status: 'success',
            startedAt,
            finishedAt,
            added: 10,
            updated: 2,
            deleted: 1,
            requests: 7,
            retries: 1,
            error: null,
        });
        expect(store.runs.recent({ limit: 3 }).map((run) => [run.id, run.status, run.error])).toEqual([
            [running, 'running', null],
            [second, 'failed', 'PingOne answered 403'],
            [first, 'success', null],
        ]);
        expect(() => store.runs.finish(first, { status: 'failed' })).toThrow(expect.objectContaining({ reason: 'invalid_call' }));
    });
});

describe('resolveStorePath', () => {
    it('uses --db, else PINGONE_CONNECTOR_DB, else .pingone/pingone.db, relative to the working directory', () => {
        expect(resolveStorePath({ cwd: '/work/x', env: {} })).toBe(join('/work/x', '.pingone', 'pingone.db'));
        expect(resolveStorePath({ cwd: '/work/x', env: { PINGONE_CONNECTOR_DB: 'data/p.db' } })).toBe('/work/x/data/p.db');
        expect(resolveStorePath({ cwd: '/work/x', env: { PINGONE_CONNECTOR_DB: 'data/p.db' }, flag: '/tmp/f.db' })).toBe('/tmp/f.db');
        expect(() => resolveStorePath({ cwd: '/work/x', env: {}, flag: ' ' })).toThrow(/--db is empty/);
    });
});
