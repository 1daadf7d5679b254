import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors/index.js';
import { resolveStorePath, sameSource } from '../../src/store/index.js';
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
        store.runs.finish(store.runs.start('emu', 'users', 'sync'), { status: 'success' });
        expect(store.connections.remove('emu')).toBe(true);
        expect(store.connections.remove('emu')).toBe(false);
        expect(store.connections.get('emu')).toBeUndefined();
        store.connections.save({ name: 'emu', provider: 'pingone', config: {} });
        expect(store.records.summary('emu')).toEqual([]);
        expect(store.checkpoints.get('emu', 'users')).toBeNull();
        expect(store.runs.recent({ connection: 'emu' })).toEqual([]);
    });

    it('refuses to remove a connection while a live process runs a sync of it, removing nothing', () => {
        const { store } = temp;
        store.records.saveBatch('demo', 'User', [{ id: 'u1' }]);
        const runId = store.runs.start('demo', 'users', 'sync');
        expect(() => store.connections.remove('demo')).toThrow(
            expect.objectContaining({
                code: 'store_error',
                reason: 'run_in_progress',
                message: expect.stringMatching(/being synced \(run \d+, process \d+\); removing it now/),
            }),
        );
        expect(store.connections.get('demo')).toBeDefined();
        expect(store.records.summary('demo')).toEqual([{ model: 'User', total: 1, deleted: 0 }]);
        // The sync can still finish, and then the connection goes.
        store.runs.finish(runId, { status: 'success', added: 1 });
        expect(store.connections.remove('demo')).toBe(true);
    });

    it('clears what a connection read (records, checkpoints, open delete tracking) but keeps its metadata, runs and record cursors', () => {
        const { store } = temp;
        store.records.saveBatch('demo', 'User', [{ id: 'u1' }, { id: 'u2' }]);
        store.checkpoints.save('demo', 'users', { nextPath: '/v1/environments/old/users?cursor=2' });
        const runId = store.runs.start('demo', 'users', 'sync');
        store.trackDeletes.trackDeletesStart('demo', 'User', runId);
        // A run that failed leaves its delete tracking open (a running one would refuse the clear).
        store.runs.finish(runId, { status: 'failed' });
        store.metadata.set('demo', { maxRequestsPerSecond: 5 });

        store.connections.clearData('demo');

        expect(store.records.list('demo', 'User').records).toEqual([]);
        expect(store.checkpoints.get('demo', 'users')).toBeNull();
        // No tracking left open: the next run starts a generation of its own instead of resuming the old one.
        expect(store.trackDeletes.trackDeletesStart('demo', 'User', runId)).toMatchObject({ resumed: false });
        expect(store.metadata.get('demo')).toEqual({ maxRequestsPerSecond: 5 });
        expect(store.runs.recent({ connection: 'demo' })).toHaveLength(1);
        // New records get cursors after the old ones: a consumer's cursor still points before them.
        store.records.saveBatch('demo', 'User', [{ id: 'u3' }]);
        expect(Number(store.records.list('demo', 'User').records[0]?._nango_metadata.cursor)).toBeGreaterThan(2);
    });

    it('restores a snapshot exactly: config, auth method, emulator, metadata and times', () => {
        const { store, clock } = temp;
        store.metadata.set('demo', { auditLookbackMinutes: 3 });
        const before = store.connections.get('demo');
        const snapshot = store.connections.snapshot('demo');
        clock.tick();
        store.connections.save({
            name: 'demo',
            provider: 'pingone',
            config: { tld: 'eu' },
            authMethod: 'client_secret_post',
            emulatorUrl: 'http://127.0.0.1:1',
        });
        store.metadata.set('demo', {});
        store.connections.restore(snapshot!);
        expect(store.connections.get('demo')).toEqual(before);
        expect(store.metadata.get('demo')).toEqual({ auditLookbackMinutes: 3 });
    });

    it('tells a connection that reads the same data from one that reads another environment, region, provider or emulator', () => {
        const base = { provider: 'pingone-cc', config: { environmentId: 'e1', tld: 'com' } };
        expect(sameSource(base, { ...base, config: { tld: 'com', environmentId: 'e1' } })).toBe(true);
        expect(sameSource(base, { ...base, config: { environmentId: 'e2', tld: 'com' } })).toBe(false);
        expect(sameSource(base, { ...base, config: { environmentId: 'e1', tld: 'eu' } })).toBe(false);
        expect(sameSource(base, { ...base, provider: 'pingone' })).toBe(false);
        expect(sameSource(base, { ...base, emulatorUrl: 'http://127.0.0.1:4010' })).toBe(false);
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
