// When the deletes a track-deletes window infers are committed: with the script's next checkpoint,
// never earlier (not by the held-writes cap, not by a failed run), and never for a record saved again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../src/harness/index.js';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { harnessOnEmulator, liveRecords } from '../support/harness.js';

let emulator: TestEmulator;
let harness: Harness;

beforeAll(async () => {
    emulator = await startTestEmulator();
    harness = await harnessOnEmulator(emulator);
});
afterAll(async () => {
    await harness.close();
    await emulator.close();
});

const live = () =>
    liveRecords(harness, 'cc', 'Item')
        .map((record) => String(record['id']))
        .filter((id) => !id.startsWith('filler-'));
const run = async (settings: { seen: string[]; savedAgain?: string[]; filler?: number; failBeforeCheckpoint?: boolean }) => {
    harness.store.metadata.set('cc', { savedAgain: [], filler: 0, failBeforeCheckpoint: false, ...settings });
    return harness.runSync('cc', 'fixture-held-deletes');
};

describe('the deletes trackDeletesEnd infers', () => {
    it('commit only with the next checkpoint: a run that fails after trackDeletesEnd deletes nothing, even past the held-writes cap', async () => {
        expect((await run({ seen: ['a', 'b', 'c'] })).status).toBe('success');
        const failed = await run({ seen: ['a'], filler: 5_001, failBeforeCheckpoint: true });
        expect(failed.status).toBe('failed');
        expect(live()).toEqual(['a', 'b', 'c']);
        expect(failed.counts.deleted).toBe(0);
    });

    it('spare a record saved again before that checkpoint, and apply to the others with it', async () => {
        const report = await run({ seen: ['a'], savedAgain: ['b'] });
        expect(report.status).toBe('success');
        expect(live()).toEqual(['a', 'b']);
        // Only c: the failed run's tracking was continued, so what it saved counts as seen.
        expect(report.counts.deleted).toBe(1);
        expect(harness.store.checkpoints.get('cc', 'fixture-held-deletes')).toEqual({ done: true });
    });
});
