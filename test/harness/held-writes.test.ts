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

describe('what a sync holds before it commits', () => {
    it('refuses records without an id at batchSave, naming the record, before anything is held', async () => {
        harness.store.metadata.set('cc', { mode: 'no-ids' });
        const report = await harness.runSync('cc', 'fixture-held-writes');
        expect(report.status).toBe('failed');
        expect(report.error).toMatchObject({ code: 'invalid_record', model: 'Item', path: 'id' });
        expect(report.error?.message).toBe('Item record 0 is invalid at id: a string id is required.');
        expect(liveRecords(harness, 'cc', 'Item')).toEqual([]);
    });

    it('refuses a checkpoint the store cannot hold when it is saved, and the failed run still keeps the records saved before it', async () => {
        harness.store.metadata.set('cc', { mode: 'bad-checkpoint' });
        const report = await harness.runSync('cc', 'fixture-held-writes', { full: true });
        expect(report.status).toBe('failed');
        expect(report.error?.message).toBe('A checkpoint must be a flat object of strings, finite numbers and booleans; its field `page` is not.');
        expect(liveRecords(harness, 'cc', 'Item').map((record) => record['id'])).toEqual(['a', 'b', 'c', 'd']);
        expect(harness.store.checkpoints.get('cc', 'fixture-held-writes')).toEqual({ page: 1 });
    });
});
