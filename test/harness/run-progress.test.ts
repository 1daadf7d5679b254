// While a sync runs: its row follows its commits, so that a run whose process is killed reports what
// it had committed (test/store/sigkill.test.ts kills one); and its connection cannot be removed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../../src/harness/index.js';
import type { RunEntry } from '../../src/store/index.js';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { fixtureScripts, harnessOnEmulator, temporaryDatabase } from '../support/harness.js';

let emulator: TestEmulator;
let harness: Harness;
const seen: RunEntry[] = [];
/** What removing the connection, tried once while the sync runs, came to. */
let removal: Promise<unknown> | undefined;

beforeAll(async () => {
    emulator = await startTestEmulator();
    // Pages a tenth of a second apart: the run commits every 250 ms (commits by time), so several
    // times before it ends, however fast the machine.
    emulator.admin.setFaults({ latencyMs: 100, scope: 'api' });
    const dbPath = temporaryDatabase();
    await (await harnessOnEmulator(emulator, 'cc', dbPath)).close();
    harness = openHarness({
        dbPath,
        scriptsRoot: fixtureScripts,
        env: {},
        // When a page's records arrive, the row holds the commits of the pages before it.
        onProgress: (event) => {
            if (event.kind !== 'records') return;
            seen.push(...harness.store.runs.recent({ connection: 'cc', limit: 1 }));
            removal ??= harness.connections.remove('cc').catch((error: unknown) => error);
        },
    });
});
afterAll(async () => {
    await harness.close();
    await emulator.close();
});

describe("a running sync's row", () => {
    it('holds the counts and requests of what it has committed so far, before the run finishes', async () => {
        const report = await harness.runSync('cc', 'fixture-users');
        expect(report.status).toBe('success');
        const running = seen.filter((row) => row.id === report.runId && row.status === 'running');
        expect(running.length).toBeGreaterThan(2);
        // The fixture commits a checkpoint per page of 10 users: a page committed means its request was made.
        expect(running.at(-1)).toMatchObject({ added: expect.any(Number), requests: expect.any(Number) });
        expect(running.at(-1)!.added).toBeGreaterThan(0);
        for (const row of running) expect(row.requests).toBeGreaterThanOrEqual(Math.ceil(row.added / 10));
        expect(harness.store.runs.get(report.runId)).toMatchObject({ status: 'success', added: report.counts.added, requests: report.requests });
    });

    it('keeps its connection: removing it mid-sync is refused before anything is torn down, and the sync completes', async () => {
        expect(await removal).toMatchObject({ code: 'store_error', reason: 'run_in_progress' });
        expect(harness.connections.get('cc')).toBeDefined();
        expect(harness.store.secrets.get('cc')?.clientSecret).toBe(emulator.worker.clientSecret);
        // The sync above succeeded with the connection's runtime intact; and the connection still works.
        expect((await harness.runSync('cc', 'fixture-users')).status).toBe('success');
    });
});
