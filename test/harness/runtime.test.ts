import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../src/harness/index.js';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { harnessOnEmulator, liveRecords } from '../support/harness.js';

let emulator: TestEmulator;

beforeAll(async () => {
    emulator = await startTestEmulator();
});
afterAll(() => emulator.close());

describe('runSync: a Nango sync script against the emulator', () => {
    let harness: Harness;
    beforeAll(async () => {
        harness = await harnessOnEmulator(emulator);
    });
    afterAll(() => harness.close());

    it("saves every user across Nango's own link paginate, one checkpoint per page", async () => {
        const report = await harness.runSync('cc', 'fixture-users');
        expect(report.status).toBe('success');
        const users = emulator.admin.users.count();
        expect(report.counts).toEqual({ added: users, updated: 0, deleted: 0 });
        // 10 per page, plus the token request not counted.
        expect(report.requests).toBe(Math.ceil(users / 10));
        expect(liveRecords(harness, 'cc', 'FixtureUser')).toHaveLength(users);
        expect(harness.store.checkpoints.get('cc', 'fixture-users')).toBeNull();
        expect(harness.store.runs.get(report.runId)).toMatchObject({ status: 'success', added: users, requests: report.requests });
    });

    it('reports nothing new when nothing changed, and an update when a user changed', async () => {
        const user = emulator.admin.users.at(3) as { id: string };
        emulator.admin.users.update(user.id, { email: 'changed.for.test@example.com' });
        const report = await harness.runSync('cc', 'fixture-users');
        expect(report.counts).toEqual({ added: 0, updated: 1, deleted: 0 });
    });

    it('infers a delete only in a run that reaches trackDeletesEnd; a failed run deletes nothing', async () => {
        const victim = emulator.admin.users.at(0) as { id: string };
        emulator.admin.users.delete(victim.id);
        harness.store.metadata.set('cc', { failAfterPages: 2 });
        const failed = await harness.runSync('cc', 'fixture-users');
        expect(failed.status).toBe('failed');
        expect(failed.error).toMatchObject({ code: 'script_failed', reason: 'script_internal_error' });
        expect(failed.counts.deleted).toBe(0);
        expect(liveRecords(harness, 'cc', 'FixtureUser').map((r) => r['id'])).toContain(victim.id);

        harness.store.metadata.set('cc', {});
        const resumed = await harness.runSync('cc', 'fixture-users');
        expect(resumed.status).toBe('success');
        expect(resumed.counts.deleted).toBe(1);
        expect(liveRecords(harness, 'cc', 'FixtureUser').map((r) => r['id'])).not.toContain(victim.id);
        expect(liveRecords(harness, 'cc', 'FixtureUser')).toHaveLength(emulator.admin.users.count());
    });

    it('rejects a record its zod model refuses with invalid_record naming model and path, and commits nothing of that batch', async () => {
        harness.store.metadata.set('cc', { invalidRecord: true });
        const before = liveRecords(harness, 'cc', 'FixtureUser');
        const report = await harness.runSync('cc', 'fixture-users', { full: true });
        harness.store.metadata.set('cc', {});
        expect(report.status).toBe('failed');
        expect(report.error).toMatchObject({ code: 'invalid_record', model: 'FixtureUser', path: 'username' });
        expect(liveRecords(harness, 'cc', 'FixtureUser')).toEqual(before);
    });

    it('stops when its signal aborts (Ctrl-C), keeping what it saved and deleting nothing', async () => {
        const stopped = await harnessOnEmulator(emulator, 'stopped');
        try {
            stopped.store.metadata.set('stopped', { pauseMs: 100 });
            const controller = new AbortController();
            const running = stopped.runSync('stopped', 'fixture-users', { signal: controller.signal });
            // Stop it once its first page is committed (its checkpoint names the second).
            const poll = setInterval(() => {
                if (stopped.store.checkpoints.get('stopped', 'fixture-users') !== null) controller.abort();
            }, 10);
            const report = await running.finally(() => clearInterval(poll));
            expect(report).toMatchObject({ status: 'failed', error: { reason: 'aborted' }, counts: { deleted: 0 } });
            const kept = liveRecords(stopped, 'stopped', 'FixtureUser').length;
            expect(kept).toBeGreaterThan(0);
            expect(kept).toBeLessThan(emulator.admin.users.count());
            expect(stopped.store.runs.get(report.runId)?.status).toBe('failed');
        } finally {
            await stopped.close();
        }
    });

    it('names a sync that does not exist, with the ones that do', async () => {
        await expect(harness.runSync('cc', 'no-such-sync')).rejects.toMatchObject({ code: 'not_found', hint: expect.stringContaining('fixture-users') });
    });
});

describe('a sync that is running already', () => {
    it('is refused before it starts: no run logged, its checkpoint kept even with --full', async () => {
        const harness = await harnessOnEmulator(emulator, 'twice');
        try {
            // The first run: logged as running under this (live) process.
            const first = harness.store.runs.start('twice', 'fixture-users', 'sync');
            harness.store.checkpoints.save('twice', 'fixture-users', { page: 3 });
            await expect(harness.runSync('twice', 'fixture-users', { full: true })).rejects.toMatchObject({
                code: 'store_error',
                reason: 'run_in_progress',
                message: expect.stringContaining(`run ${first}`),
            });
            expect(harness.store.checkpoints.get('twice', 'fixture-users')).toEqual({ page: 3 });
            expect(harness.store.runs.recent({ connection: 'twice' }).map((run) => run.id)).toEqual([first]);
            expect(harness.store.records.summary('twice')).toEqual([]);
        } finally {
            await harness.close();
        }
    });
});

describe('the rest of the sync record API', () => {
    it('updates, deletes, reads by id and lists records, holds locks and keeps metadata, as a script sees them', async () => {
        const harness = await harnessOnEmulator(emulator, 'notes');
        try {
            const report = await harness.runSync('notes', 'fixture-records-api');
            expect(report.error).toBeUndefined();
            expect(report.counts).toEqual({ added: 3, updated: 1, deleted: 1 });
            expect(harness.store.metadata.get('notes')).toEqual({
                found: 'n1,n2',
                n2: 'two, edited',
                listed: 'n1:ADDED,n2:UPDATED,n3:DELETED',
                locks: 'true,false',
                updated: true,
            });
            expect(liveRecords(harness, 'notes', 'Note')).toEqual([
                { id: 'n1', text: 'one' },
                { id: 'n2', text: 'two, edited' },
            ]);
        } finally {
            await harness.close();
        }
    });
});

describe('runAction: input and output validated against the zod schemas', () => {
    let harness: Harness;
    beforeAll(async () => {
        harness = await harnessOnEmulator(emulator, 'actions');
    });
    afterAll(() => harness.close());

    it('runs the action and returns its output', async () => {
        const report = await harness.runAction('actions', 'fixture-create-group', { name: 'Harness test group' });
        expect(report.status).toBe('success');
        expect(report.output).toMatchObject({ name: 'Harness test group', id: expect.any(String) });
    });

    it('refuses an output that breaks the output schema, naming the field', async () => {
        const report = await harness.runAction('actions', 'fixture-create-group', { name: 'return-invalid-output' });
        expect(report).toMatchObject({ status: 'failed', error: { code: 'invalid_record', model: 'output', path: 'id' } });
    });

    it('refuses bad input before anything is sent', async () => {
        const report = await harness.runAction('actions', 'fixture-create-group', { name: '' });
        expect(report).toMatchObject({
            status: 'failed',
            requests: 0,
            error: { code: 'invalid_input', problems: [{ path: 'input.name', message: expect.any(String) }] },
        });
    });
});

describe('HTTP behaviour through a connection', () => {
    /** A full sync on a fresh connection while the emulator misbehaves as `faults` says; the faults end with it. */
    async function syncUnder(name: string, faults: () => void) {
        const harness = await harnessOnEmulator(emulator, name);
        faults();
        try {
            const before = emulator.admin.stats();
            const report = await harness.runSync(name, 'fixture-users');
            const after = emulator.admin.stats();
            return { report, before, after, records: liveRecords(harness, name, 'FixtureUser') };
        } finally {
            emulator.admin.setRateLimit(undefined);
            emulator.admin.setFaults({});
            await harness.close();
        }
    }

    it('rides out rate limiting: 429s are retried after Retry-After and the sync completes', async () => {
        const { report, after, before, records } = await syncUnder('limited', () => emulator.admin.setRateLimit({ requestsPerSecond: 4, burst: 1 }));
        expect(report.status).toBe('success');
        expect(after.status429 - before.status429).toBeGreaterThan(0);
        expect(report.retries).toBeGreaterThan(0);
        expect(records).toHaveLength(emulator.admin.users.count());
    });

    it('rides out a burst of 5xx answers', async () => {
        const { report, records } = await syncUnder('flaky', () =>
            emulator.admin.setFaults({ errorRate: 0.3, errorStatuses: [502, 503, 504], scope: 'api', seed: 'burst' }),
        );
        expect(report.status).toBe('success');
        expect(report.retries).toBeGreaterThan(0);
        expect(records).toHaveLength(emulator.admin.users.count());
    });

    it('re-mints the token when PingOne refuses it before its expiry (401), and carries on', async () => {
        // Seeded dice: this seed expires tokens early, never twice in a row for one request (a request
        // re-mints once, as Nango does; a second 401 on the fresh token is an error).
        const { report, before, after, records } = await syncUnder('expiring', () =>
            emulator.admin.setFaults({ earlyExpiryRate: 0.2, scope: 'api', seed: 'b' }),
        );
        expect(report.error).toBeUndefined();
        const expiries = after.faults.earlyExpiries - before.faults.earlyExpiries;
        expect(expiries).toBeGreaterThan(0);
        // One token at the start, then one new token per early expiry: never one per request.
        expect(after.tokenRequests - before.tokenRequests).toBe(1 + expiries);
        expect(records).toHaveLength(emulator.admin.users.count());
    });

    it("refuses a baseUrlOverride that leaves the connection's API origin, before sending", async () => {
        const harness = await harnessOnEmulator(emulator, 'override');
        try {
            await expect(harness.request('override', { endpoint: '/v1/environments', baseUrlOverride: 'https://api.evil.example' })).rejects.toMatchObject({
                code: 'host_not_allowed',
            });
            await expect(harness.request('override', { endpoint: '//api.evil.example/v1' })).rejects.toMatchObject({ code: 'host_not_allowed' });
        } finally {
            await harness.close();
        }
    });
});
