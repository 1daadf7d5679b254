import { afterEach, describe, expect, it } from 'vitest';
import { saveAll } from '../../bench/store-throughput.js';
import { openTempStore } from '../store/temp-store.js';

let temp: ReturnType<typeof openTempStore> | undefined;
afterEach(() => temp?.cleanup());

describe('the store benchmark', () => {
    it("commits each page with its checkpoint as a sync run does, and SQLite's checkpoints move to the background worker", async () => {
        temp = openTempStore();
        const { store } = temp;
        expect(store.database.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
        expect(await saveAll(store, 'demo', 10_000)).toBeGreaterThan(0);
        expect(store.checkpoints.get('demo', 'bench-users')).toEqual({ page: 100 });
        expect(store.records.summary('demo')).toEqual([{ model: 'User', total: 10_000, deleted: 0 }]);
        expect(store.runs.recent()).toEqual([expect.objectContaining({ script: 'bench-users', status: 'success' })]);
        // The worker's first report turned SQLite's own (foreground) auto-checkpoint off during the run.
        expect(store.database.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    }, 60_000);
});
