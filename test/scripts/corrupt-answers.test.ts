// A 2xx answer that is not a page (cut-short JSON, `{}`, a proxy's HTML page) must never read as the
// end of a collection: a full sync under each such fault either succeeds (the page asked for again)
// or fails with `unexpected_response`, and in both cases no record PingOne still has is deleted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { FaultSettings } from '../../src/emulator/faults/fault-settings.js';
import type { Harness } from '../../src/harness/index.js';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { compare, emulatorData, syncSide } from './store-vs-emulator.js';

let emulator: TestEmulator;
let synced: Harness;
let reference: Harness;

beforeAll(async () => {
    emulator = await startTestEmulator({ users: 60, userPageCap: 10, seed: 'corrupt-answers' });
    synced = (await syncSide(emulator)).harness;
    reference = (await syncSide(emulator)).harness;
});
afterAll(async () => {
    await synced?.close();
    await reference?.close();
    await emulator?.close();
});

const faultKinds: { kind: string; faults: FaultSettings }[] = [
    { kind: 'cut-short JSON', faults: { malformedRate: 0.2 } },
    { kind: '{}', faults: { emptyObjectRate: 0.2 } },
    { kind: 'an HTML page', faults: { htmlRate: 0.2 } },
];
const cases = faultKinds.flatMap((fault) => [
    { ...fault, sync: 'users', model: 'User' },
    { ...fault, sync: 'group-memberships', model: 'GroupMembership' },
]);

describe('a 2xx answer that is not a page', () => {
    it.each(cases)(
        '$sync under $kind: the full sync deletes nothing PingOne has, and the next clean run ends equal',
        { timeout: 120_000 },
        async ({ sync, model, faults }) => {
            const expected = await emulatorData(reference, emulator, sync, model);
            expect((await synced.runSync('cc', sync, { full: true })).status).toBe('success');
            emulator.admin.setFaults({ scope: 'api', seed: `${sync}:${JSON.stringify(faults)}`, ...faults });
            let report;
            try {
                report = await synced.runSync('cc', sync, { full: true });
            } finally {
                emulator.admin.setFaults({});
            }
            if (report.status !== 'success') {
                expect(report.error?.message).toMatch(/answered .*(not JSON|does not parse|where a page|without the array)/);
            }
            expect(compare(synced, model, expected)).toMatchObject({ wronglyDeleted: 0, lost: 0, extra: 0, duplicated: 0 });
            expect((await synced.runSync('cc', sync)).status).toBe('success');
            expect(compare(synced, model, expected)).toMatchObject({ lost: 0, wronglyDeleted: 0, extra: 0, stale: 0, duplicated: 0 });
        },
    );

    it.each(faultKinds)(
        'users under $kind on every answer: the run fails with unexpected_response and deletes nothing',
        { timeout: 120_000 },
        async ({ faults }) => {
            const expected = await emulatorData(reference, emulator, 'users', 'User');
            expect((await synced.runSync('cc', 'users', { full: true })).status).toBe('success');
            emulator.admin.setFaults({ scope: 'api', ...Object.fromEntries(Object.keys(faults).map((key) => [key, 1])) });
            let report;
            try {
                report = await synced.runSync('cc', 'users', { full: true });
            } finally {
                emulator.admin.setFaults({});
            }
            expect(report.status).toBe('failed');
            // The harness's proxy refuses what does not parse as JSON; the script's own check refuses `{}`.
            const error = report.error as { code?: string; payload?: { code?: string } } | undefined;
            expect([error?.code, error?.payload?.code]).toContain('unexpected_response');
            expect(compare(synced, 'User', expected)).toMatchObject({ lost: 0, wronglyDeleted: 0, extra: 0, duplicated: 0 });
        },
    );
});
