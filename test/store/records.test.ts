import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors/index.js';
import { useTempStore } from './temp-store.js';

const temp = useTempStore();

const users = (ids: number[], extra: Record<string, unknown> = {}) => ids.map((n) => ({ id: `u${n}`, username: `user${n}`, ...extra }));

describe('saveBatch', () => {
    it('counts added, updated and unchanged records, and an identical re-save is not an update', () => {
        const { store } = temp;
        expect(store.records.saveBatch('demo', 'User', users([1, 2, 3]))).toEqual({ added: 3, updated: 0, unchanged: 0 });
        expect(store.records.saveBatch('demo', 'User', [...users([1, 2]), { id: 'u3', username: 'renamed' }, ...users([4])])).toEqual({
            added: 1,
            updated: 1,
            unchanged: 2,
        });
    });

    it('treats the same content with its keys in another order as unchanged', () => {
        const { store } = temp;
        store.records.saveBatch('demo', 'User', [{ id: 'u1', name: { given: 'Ada', family: 'Lovelace' }, enabled: true }]);
        expect(store.records.saveBatch('demo', 'User', [{ enabled: true, name: { family: 'Lovelace', given: 'Ada' }, id: 'u1' }])).toEqual({
            added: 0,
            updated: 0,
            unchanged: 1,
        });
    });

    it('keeps the metadata of a record re-saved with its keys reordered, and stores the new order so that the next re-save matches by hash', () => {
        const { store, clock } = temp;
        store.records.saveBatch('demo', 'User', [{ id: 'u1', enabled: true, name: 'Ada' }]);
        const [before] = store.records.list('demo', 'User').records;
        clock.tick();
        const reordered = { name: 'Ada', enabled: true, id: 'u1' };
        expect(store.records.saveBatch('demo', 'User', [reordered])).toEqual({ added: 0, updated: 0, unchanged: 1 });
        expect(store.records.updateBatch('demo', 'User', [{ id: 'u1', enabled: true }])).toEqual({ updated: 0, unchanged: 1, missing: [] });
        const [after] = store.records.list('demo', 'User').records;
        expect(after?._nango_metadata).toEqual(before?._nango_metadata);
        expect(Object.keys(store.records.getByIds('demo', 'User', ['u1']).get('u1') ?? {})).toEqual(['name', 'enabled', 'id']);
        expect(store.records.saveBatch('demo', 'User', [{ ...reordered, name: 'Ada L.' }])).toEqual({ added: 0, updated: 1, unchanged: 0 });
    });

    it('stores the payload as the JSON text of the record, any characters included, and an identical re-save matches it', () => {
        const { store } = temp;
        const record = { id: 'u1', name: 'Zoë 😀 文字', escaped: 'a\u0000b\ud800', quote: '"\\' };
        store.records.saveBatch('demo', 'User', [record]);
        const row = store.database.prepare<[], { kind: string; payload: string }>("SELECT typeof(payload) AS kind, payload FROM records WHERE id = 'u1'").get();
        expect(row).toEqual({ kind: 'text', payload: JSON.stringify(record) });
        expect(store.records.getByIds('demo', 'User', ['u1']).get('u1')).toEqual(record);
        expect(store.records.saveBatch('demo', 'User', [{ ...record }])).toEqual({ added: 0, updated: 0, unchanged: 1 });
    });

    it('keeps the last occurrence of an id repeated within one batch', () => {
        const { store } = temp;
        expect(
            store.records.saveBatch('demo', 'User', [
                { id: 'u1', v: 1 },
                { id: 'u2', v: 1 },
                { id: 'u1', v: 2 },
            ]),
        ).toEqual({ added: 2, updated: 0, unchanged: 0 });
        expect(store.records.getByIds('demo', 'User', ['u1']).get('u1')).toEqual({ id: 'u1', v: 2 });
    });

    it('sets Nango metadata: first_seen_at stays, last_modified_at and cursor move on change only', () => {
        const { store, clock } = temp;
        const first = clock.now;
        store.records.saveBatch('demo', 'User', users([1]));
        const [added] = store.records.list('demo', 'User').records;
        expect(added?._nango_metadata).toEqual({
            first_seen_at: first,
            last_modified_at: first,
            last_action: 'ADDED',
            deleted_at: null,
            pruned_at: null,
            cursor: '1',
        });

        clock.tick();
        store.records.saveBatch('demo', 'User', users([1]));
        expect(store.records.list('demo', 'User').records[0]?._nango_metadata).toEqual(added?._nango_metadata);

        const second = clock.tick();
        store.records.saveBatch('demo', 'User', users([1], { enabled: false }));
        const [updated] = store.records.list('demo', 'User').records;
        expect(updated).toMatchObject({ id: 'u1', username: 'user1', enabled: false });
        expect(updated?._nango_metadata).toMatchObject({ first_seen_at: first, last_modified_at: second, last_action: 'UPDATED', cursor: '2' });
    });

    it('keeps numeric ids as numbers and refuses a record without a usable id, writing nothing of the batch', () => {
        const { store } = temp;
        store.records.saveBatch('demo', 'Group', [{ id: 7, name: 'seven' }]);
        expect(store.records.getByIds('demo', 'Group', [7]).get(7)).toEqual({ id: 7, name: 'seven' });

        const bad = () => store.records.saveBatch('demo', 'Group', [{ id: 'g1' }, { name: 'no id' }]);
        expect(bad).toThrow(StoreError);
        expect(bad).toThrow(/Record 1 of the Group batch has no usable `id`/);
        expect(store.records.getByIds('demo', 'Group', ['g1']).size).toBe(0);
    });

    it('refuses an unknown connection with a hint', () => {
        const error = (() => {
            try {
                temp.store.records.saveBatch('nope', 'User', users([1]));
            } catch (caught) {
                return caught;
            }
        })();
        expect(error).toBeInstanceOf(StoreError);
        expect(error).toMatchObject({ reason: 'unknown_connection', hint: expect.stringMatching(/connections list/) });
    });
});

describe('updateBatch and deleteBatch', () => {
    it('merges partial records shallowly, reports ids with no live record, and keeps unchanged merges unchanged', () => {
        const { store } = temp;
        store.records.saveBatch('demo', 'User', [{ id: 'u1', username: 'ada', name: { given: 'Ada' }, enabled: true }]);
        expect(
            store.records.updateBatch('demo', 'User', [
                { id: 'u1', enabled: false },
                { id: 'u9', enabled: false },
            ]),
        ).toEqual({
            updated: 1,
            unchanged: 0,
            missing: ['u9'],
        });
        expect(store.records.getByIds('demo', 'User', ['u1']).get('u1')).toEqual({ id: 'u1', username: 'ada', name: { given: 'Ada' }, enabled: false });
        expect(store.records.updateBatch('demo', 'User', [{ id: 'u1', enabled: false }])).toEqual({ updated: 0, unchanged: 1, missing: [] });
        expect(store.records.list('demo', 'User').records[0]?._nango_metadata.last_action).toBe('UPDATED');
    });

    it('soft-deletes: the record stays listable as DELETED, leaves getByIds, and comes back as ADDED when saved again', () => {
        const { store, clock } = temp;
        store.records.saveBatch('demo', 'User', users([1, 2]));
        const deletedAt = clock.tick();
        expect(store.records.deleteBatch('demo', 'User', [{ id: 'u1' }, { id: 'u3' }])).toEqual({ deleted: 1, missing: ['u3'] });
        expect(store.records.deleteBatch('demo', 'User', [{ id: 'u1' }])).toEqual({ deleted: 0, missing: ['u1'] });

        const deleted = store.records.list('demo', 'User', { filter: 'deleted' }).records;
        expect(deleted).toHaveLength(1);
        expect(deleted[0]).toMatchObject({ id: 'u1', _nango_metadata: { last_action: 'DELETED', deleted_at: deletedAt, last_modified_at: deletedAt } });
        expect([...store.records.getByIds('demo', 'User', ['u1', 'u2']).keys()]).toEqual(['u2']);
        expect(store.records.getByIds('demo', 'User', ['u1'], { includeDeleted: true }).size).toBe(1);
        expect(store.records.updateBatch('demo', 'User', [{ id: 'u1', username: 'x' }]).missing).toEqual(['u1']);

        expect(store.records.saveBatch('demo', 'User', users([1]))).toEqual({ added: 1, updated: 0, unchanged: 0 });
        expect(store.records.list('demo', 'User', { ids: ['u1'] }).records[0]?._nango_metadata).toMatchObject({ last_action: 'ADDED', deleted_at: null });
    });
});

describe('list (Nango listRecords)', () => {
    it('pages in cursor order with next_cursor, null on the last page, and sees later changes after a cursor', () => {
        const { store } = temp;
        store.records.saveBatch('demo', 'User', users([1, 2, 3, 4, 5]));
        const seen: string[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
            const page = store.records.list('demo', 'User', { cursor, limit: 2 });
            seen.push(...page.records.map((record) => String(record['id'])));
            cursor = page.next_cursor;
            pages++;
        } while (cursor !== null);
        expect(seen).toEqual(['u1', 'u2', 'u3', 'u4', 'u5']);
        expect(pages).toBe(3);

        const resumeAfter = store.records.list('demo', 'User', { limit: 100 }).records.at(-1)?._nango_metadata.cursor;
        store.records.saveBatch('demo', 'User', [{ id: 'u2', username: 'changed' }, ...users([6])]);
        const changes = store.records.list('demo', 'User', { cursor: resumeAfter });
        expect(changes.records.map((record) => [record['id'], record._nango_metadata.last_action])).toEqual([
            ['u2', 'UPDATED'],
            ['u6', 'ADDED'],
        ]);
        expect(changes.next_cursor).toBeNull();
    });

    it('filters by modifiedAfter (inclusive), by action and by ids', () => {
        const { store, clock } = temp;
        store.records.saveBatch('demo', 'User', users([1, 2, 3]));
        const later = clock.tick(60_000);
        store.records.saveBatch('demo', 'User', [{ id: 'u1', username: 'changed' }, ...users([4])]);
        store.records.deleteBatch('demo', 'User', [{ id: 'u2' }]);

        const ids = (options: Parameters<typeof store.records.list>[2]) => store.records.list('demo', 'User', options).records.map((record) => record['id']);
        expect(ids({ modifiedAfter: later })).toEqual(['u1', 'u4', 'u2']);
        expect(ids({ modifiedAfter: new Date(Date.parse(later) + 1) })).toEqual([]);
        expect(ids({ filter: 'added' })).toEqual(['u3', 'u4']);
        expect(ids({ filter: 'UPDATED,deleted' })).toEqual(['u1', 'u2']);
        expect(ids({ ids: ['u3', 'u4', 'u99'] })).toEqual(['u3', 'u4']);
        expect(ids({ ids: ['u1', 'u3'], filter: 'added' })).toEqual(['u3']);
    });

    it('iterates every record a page at a time, and an unknown model lists nothing', () => {
        const { store } = temp;
        store.records.saveBatch('demo', 'User', users(Array.from({ length: 250 }, (_, n) => n)));
        expect([...store.records.iterate('demo', 'User', { limit: 100 })]).toHaveLength(250);
        expect(store.records.list('demo', 'Nothing')).toEqual({ records: [], next_cursor: null });
        expect(store.records.summary('demo')).toEqual([{ model: 'User', total: 250, deleted: 0 }]);
    });

    it('refuses a cursor it did not hand out, a bad limit, filter or date with a hint', () => {
        const { store } = temp;
        expect(() => store.records.list('demo', 'User', { cursor: 'abc' })).toThrow(expect.objectContaining({ reason: 'invalid_cursor' }));
        expect(() => store.records.list('demo', 'User', { limit: 0 })).toThrow(/out of range/);
        expect(() => store.records.list('demo', 'User', { filter: 'added,removed' })).toThrow(/unknown action "removed"/);
        expect(() => store.records.list('demo', 'User', { modifiedAfter: 'yesterday' })).toThrow(/not a date/);
    });
});
