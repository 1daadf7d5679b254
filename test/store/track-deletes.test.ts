import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors/index.js';
import { useTempStore } from './temp-store.js';

const temp = useTempStore();

const users = (...ids: number[]) => ids.map((n) => ({ id: `u${n}`, username: `user${n}` }));
const live = () =>
    temp.store.records
        .list('demo', 'User')
        .records.filter((record) => record._nango_metadata.deleted_at === null)
        .map((record) => record['id']);

describe('track deletes', () => {
    it('soft-deletes, at end, exactly the records neither saved nor updated since start (unchanged re-saves count as seen)', () => {
        const { store, clock } = temp;
        store.records.saveBatch('demo', 'User', users(1, 2, 3, 4, 5));
        const run = store.runs.start('demo', 'users', 'sync');
        expect(store.trackDeletes.trackDeletesStart('demo', 'User', run)).toEqual({ generation: 1, resumed: false });
        store.records.saveBatch('demo', 'User', users(1, 2));
        store.records.updateBatch('demo', 'User', [{ id: 'u3', username: 'renamed' }]);
        const endedAt = clock.tick();
        expect(store.trackDeletes.trackDeletesEnd('demo', 'User', run)).toEqual({ deletedKeys: ['u4', 'u5'] });
        expect(live()).toEqual(['u1', 'u2', 'u3']);
        expect(store.records.list('demo', 'User', { filter: 'deleted' }).records.map((r) => r._nango_metadata)).toEqual([
            expect.objectContaining({ last_action: 'DELETED', deleted_at: endedAt }),
            expect.objectContaining({ last_action: 'DELETED', deleted_at: endedAt }),
        ]);
    });

    it('deletes nothing for a run that never reaches end, and a resumed run continues its tracking', () => {
        const { store } = temp;
        store.records.saveBatch('demo', 'User', users(1, 2, 3, 4));
        const failed = store.runs.start('demo', 'users', 'sync');
        store.trackDeletes.trackDeletesStart('demo', 'User', failed);
        store.records.saveBatch('demo', 'User', users(1));
        store.runs.finish(failed, { status: 'failed', error: 'killed' });
        expect(live()).toEqual(['u1', 'u2', 'u3', 'u4']);

        // The resumed run starts after the failed run's checkpoint: u1, saved before it, stays seen.
        const resumed = store.runs.start('demo', 'users', 'sync');
        expect(store.trackDeletes.trackDeletesStart('demo', 'User', resumed)).toEqual({ generation: 1, resumed: true });
        store.records.saveBatch('demo', 'User', users(2));
        expect(store.trackDeletes.trackDeletesEnd('demo', 'User', resumed)).toEqual({ deletedKeys: ['u3', 'u4'] });
        expect(live()).toEqual(['u1', 'u2']);
    });

    it('starts afresh with restart, so only what the new run saves counts as seen', () => {
        const { store } = temp;
        store.records.saveBatch('demo', 'User', users(1, 2, 3));
        const failed = store.runs.start('demo', 'users', 'sync');
        store.trackDeletes.trackDeletesStart('demo', 'User', failed);
        store.records.saveBatch('demo', 'User', users(1));
        store.runs.finish(failed, { status: 'failed', error: 'killed' });
        const full = store.runs.start('demo', 'users', 'sync');
        expect(store.trackDeletes.trackDeletesStart('demo', 'User', full, { restart: true })).toEqual({ generation: 2, resumed: false });
        store.records.saveBatch('demo', 'User', users(3));
        expect(store.trackDeletes.trackDeletesEnd('demo', 'User', full).deletedKeys).toEqual(['u1', 'u2']);
    });

    it('refuses end without start, and end from a run that is not tracking', () => {
        const { store } = temp;
        store.records.saveBatch('demo', 'User', users(1));
        expect(() => store.trackDeletes.trackDeletesEnd('demo', 'User', 1)).toThrow(expect.objectContaining({ reason: 'invalid_call' }));
        const run = store.runs.start('demo', 'users', 'sync');
        store.trackDeletes.trackDeletesStart('demo', 'User', run);
        expect(() => store.trackDeletes.trackDeletesEnd('demo', 'User', run + 1)).toThrow(StoreError);
        expect(live()).toEqual(['u1']);
    });

    it('leaves tracking of other models and other connections alone', () => {
        const { store } = temp;
        store.connections.save({ name: 'other', provider: 'pingone-cc', config: {} });
        store.records.saveBatch('demo', 'User', users(1));
        store.records.saveBatch('demo', 'Group', [{ id: 'g1' }]);
        store.records.saveBatch('other', 'User', users(1));
        const run = store.runs.start('demo', 'users', 'sync');
        store.trackDeletes.trackDeletesStart('demo', 'User', run);
        expect(store.trackDeletes.trackDeletesEnd('demo', 'User', run).deletedKeys).toEqual(['u1']);
        expect(store.records.summary('demo')).toEqual([
            { model: 'Group', total: 1, deleted: 0 },
            { model: 'User', total: 1, deleted: 1 },
        ]);
        expect(store.records.summary('other')).toEqual([{ model: 'User', total: 1, deleted: 0 }]);
    });
});
