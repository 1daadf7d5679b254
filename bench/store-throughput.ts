// Store: `records.saveBatch` on its own, in batches of 100 (what the scripts use), into a new database.
import path from 'node:path';
import { openStore } from '../src/store/index.js';
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

function saveAll(store: ReturnType<typeof openStore>, records: number): number {
    const started = performance.now();
    for (let first = 0; first < records; first += batchSize) {
        const batch = [];
        for (let index = first; index < Math.min(records, first + batchSize); index++) batch.push(sampleUser(index));
        store.records.saveBatch('bench', 'User', batch);
    }
    return records / ((performance.now() - started) / 1000);
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
            const added = saveAll(store, records);
            const unchanged = saveAll(store, records);
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
                how: `${grouped(result.records)} User-shaped records in batches of ${result.batchSize} into a new SQLite file (WAL), one transaction per batch; record building included`,
            },
        ];
    },
};
