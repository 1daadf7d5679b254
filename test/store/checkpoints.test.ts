import { describe, expect, it } from 'vitest';
import { useTempStore } from './temp-store.js';

const temp = useTempStore();

describe('checkpoints', () => {
    it('saves, replaces and clears a flat checkpoint per connection and sync', () => {
        const { store } = temp;
        store.connections.save({ name: 'other', provider: 'pingone-cc', config: {} });
        expect(store.checkpoints.get('demo', 'users')).toBeNull();
        store.checkpoints.save('demo', 'users', { nextLink: 'https://api.pingone.com/v1/environments/e/users?cursor=2', page: 2, full: true });
        store.checkpoints.save('demo', 'users', { nextLink: 'https://api.pingone.com/v1/environments/e/users?cursor=3', page: 3, full: true });
        store.checkpoints.save('other', 'users', { page: 9 });
        expect(store.checkpoints.get('demo', 'users')).toEqual({ nextLink: 'https://api.pingone.com/v1/environments/e/users?cursor=3', page: 3, full: true });
        expect(store.checkpoints.get('demo', 'groups')).toBeNull();
        store.checkpoints.clear('demo', 'users');
        expect(store.checkpoints.get('demo', 'users')).toBeNull();
        expect(store.checkpoints.get('other', 'users')).toEqual({ page: 9 });
    });

    it('refuses a nested or non-finite checkpoint and keeps the previous one', () => {
        const { store } = temp;
        store.checkpoints.save('demo', 'users', { page: 1 });
        expect(() => store.checkpoints.save('demo', 'users', { page: { n: 2 } } as never)).toThrow(/field `page` that is not a string/);
        expect(() => store.checkpoints.save('demo', 'users', { page: Number.NaN })).toThrow(expect.objectContaining({ reason: 'invalid_checkpoint' }));
        expect(store.checkpoints.get('demo', 'users')).toEqual({ page: 1 });
    });

    it('commits a page of records and its checkpoint together, or neither when the transaction throws', () => {
        const { store } = temp;
        store.transaction(() => {
            store.records.saveBatch('demo', 'User', [{ id: 'u1' }, { id: 'u2' }]);
            store.checkpoints.save('demo', 'users', { page: 1 });
        });
        expect(() =>
            store.transaction(() => {
                store.records.saveBatch('demo', 'User', [{ id: 'u3' }, { id: 'u4' }]);
                store.records.deleteBatch('demo', 'User', [{ id: 'u1' }]);
                store.checkpoints.save('demo', 'users', { page: 2 });
                throw new Error('the process dies here');
            }),
        ).toThrow('the process dies here');
        expect(store.checkpoints.get('demo', 'users')).toEqual({ page: 1 });
        expect(store.records.list('demo', 'User').records.map((record) => [record['id'], record._nango_metadata.last_action])).toEqual([
            ['u1', 'ADDED'],
            ['u2', 'ADDED'],
        ]);
    });

    it('refuses an async function, whose writes would escape the transaction', () => {
        expect(() => temp.store.transaction((async () => undefined) as never)).toThrow(expect.objectContaining({ reason: 'invalid_argument' }));
    });
});
