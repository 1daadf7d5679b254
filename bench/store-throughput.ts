// Store: pages of 100 records (what the scripts use) into a new database, each committed with its
// checkpoint in one transaction the way a harness run commits them, so that the WAL checkpointer
// the harness depends on runs here too.
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ScriptRecord } from '../src/harness/run-store.js';
import { storeForRun } from '../src/harness/store-adapter.js';
import { contentsOf, openStore, type Store } from '../src/store/index.js';
import type { Measurement } from './report.js';
import { sampleUser } from './sample-users.js';
import { grouped, round } from './stats.js';
import { tempDir } from './temp-dir.js';

export interface StoreResult {
    recordsPerSecond: number;
    records: number;
    batchSize: number;
    /** Re-saving the same records: the unchanged path (hash compare, no rewrite). */
    unchangedRecordsPerSecond: number;
}

const batchSize = 100;

/**
 * Commits `records` sample users through a sync run's store, a page and its checkpoint at a time,
 * and returns records per second. Between pages the event loop turns, as it does while a run awaits
 * its next page: that is when the checkpointer's reports arrive.
 */
export async function saveAll(store: Store, connection: string, records: number): Promise<number> {
    const runId = store.runs.start(connection, 'bench-users', 'sync');
    // No HTTP here: the run makes no requests.
    const run = storeForRun(store, { connection, script: 'bench-users', runId, full: false, traffic: () => ({ requests: 0, retries: 0 }) });
    const started = performance.now();
    let status: 'success' | 'failed' = 'failed';
    try {
        for (let first = 0, page = 1; first < records; first += batchSize, page++) {
            const batch: ScriptRecord[] = [];
            // sampleUser always sets a string id.
            for (let index = first; index < Math.min(records, first + batchSize); index++) batch.push(sampleUser(index) as ScriptRecord);
            run.commit({ saves: [{ model: 'User', contents: contentsOf(batch, 'User') }], updates: [], deletes: [], checkpoint: { page } });
            await nextTurn();
        }
        status = 'success';
        return records / ((performance.now() - started) / 1000);
    } finally {
        store.runs.finish(runId, { status });
    }
}

export const storeThroughput: Measurement<StoreResult> = {
    name: 'store',
    kind: 'timed',
    async run({ quick, progress }) {
        const records = quick ? 5_000 : 100_000;
        const dir = tempDir('store');
        const store = openStore({ path: path.join(dir.path, 'bench.db') });
        try {
            store.connections.save({ name: 'bench', provider: 'pingone-cc', config: { environmentId: 'b0a1c2d3-0000-4000-8000-000000000001', tld: 'com' } });
            progress(`store: saving ${grouped(records)} records`);
            const added = await saveAll(store, 'bench', records);
            const unchanged = await saveAll(store, 'bench', records);
            return { recordsPerSecond: round(added), records, batchSize, unchangedRecordsPerSecond: round(unchanged) };
        } finally {
            store.close();
            dir.remove();
        }
    },
    lines(result) {
        return [
            {
                what: 'store',
                figures: `batchSave ${grouped(result.recordsPerSecond)} records/s new, ${grouped(result.unchangedRecordsPerSecond)} records/s unchanged re-save`,
                how: `${grouped(result.records)} User-shaped records in pages of ${result.batchSize} into a new SQLite file (WAL), each page with its checkpoint in one transaction as a sync run commits it (background WAL checkpoints included); record building included`,
            },
        ];
    },
};
