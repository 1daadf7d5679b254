// Errors state the true outcome. The emulator's faults make the cases happen over loopback HTTP:
// `cutAfterActRate` carries a request out and then destroys the connection without answering,
// `errorRate` with `errorStatuses: [500]` answers 500, `dropRate` destroys it before acting.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { expectSuccess, openScriptsWorld, type ScriptsWorld } from './world.js';

let world: ScriptsWorld;
beforeAll(async () => {
    world = await openScriptsWorld();
});
afterAll(async () => world?.close());
afterEach(() => world.emulator.admin.setFaults({}));

const userId = (n: number) => String(world.emulator.admin.users.at(n)!['id']);

/** A first call warms the connection's token, so that the faults meet the request under test. */
async function warm(): Promise<void> {
    expectSuccess(await world.harness.runAction('cc', 'get-user', { id: userId(0) }));
    world.emulator.admin.resetStats();
}

describe('a DELETE whose answer was lost', () => {
    it('delete-user reports success with a note when the repeat finds the user already gone', async () => {
        const id = userId(5);
        await warm();
        world.emulator.admin.setFaults({ cutAfterActRate: 1, scope: 'api' });
        const report = await world.harness.runAction('cc', 'delete-user', { id });
        world.emulator.admin.setFaults({});
        expect(world.emulator.admin.stats().faults.cutsAfterAct).toBe(1);
        expectSuccess(report);
        expect(report.output).toMatchObject({ id, deleted: true, note: expect.stringContaining('already deleted') });
        expect(world.emulator.admin.users.get(id)).toBeUndefined();
    });

    it('remove-user-from-group does the same for a membership', async () => {
        const groupId = String(world.emulator.admin.directory().groups[0]!['id']);
        const member = userId(6);
        world.emulator.admin.users.setGroups(member, [groupId]);
        await warm();
        world.emulator.admin.setFaults({ cutAfterActRate: 1, scope: 'api' });
        const report = await world.harness.runAction('cc', 'remove-user-from-group', { userId: member, groupId });
        world.emulator.admin.setFaults({});
        expectSuccess(report);
        expect(report.output).toMatchObject({ removed: true, note: expect.stringContaining('already deleted') });
    });

    it('a 404 to the first attempt stays not_found: this call deleted nothing', async () => {
        const id = userId(7);
        expectSuccess(await world.harness.runAction('cc', 'delete-user', { id }));
        const report = await world.harness.runAction('cc', 'delete-user', { id });
        expect(report.status).toBe('failed');
        expect(report.error?.payload).toMatchObject({ code: 'not_found', pingone: { status: 404 } });
    });
});

describe('a POST whose connection broke after it was sent', () => {
    it('create-user fails with outcome_unknown, says it may have been applied and what to check, and is sent once', async () => {
        await warm();
        const usersBefore = world.emulator.admin.users.count();
        world.emulator.admin.setFaults({ cutAfterActRate: 1, scope: 'api' });
        const report = await world.harness.runAction('cc', 'create-user', { username: 'cut.after.create', email: 'cut@example.com' });
        world.emulator.admin.setFaults({});
        expect(report.status).toBe('failed');
        expect(report.error?.code).not.toBe('script_internal_error');
        expect(report.error?.payload).toMatchObject({ code: 'outcome_unknown' });
        expect(report.error?.message).toContain('may have been applied');
        expect(report.error?.hint).toContain('list-users');
        expect(report.error?.hint).not.toContain('bug');
        const stats = world.emulator.admin.stats();
        expect(stats.requests - stats.tokenRequests).toBe(1);
        // It was in fact applied: the emulator holds the user.
        expect(world.emulator.admin.users.count()).toBe(usersBefore + 1);
    });

    it('set-user-password names get-user as the check', async () => {
        await warm();
        world.emulator.admin.setFaults({ cutAfterActRate: 1, scope: 'api' });
        const report = await world.harness.runAction('cc', 'set-user-password', { id: userId(8), password: 'Cut-After-Act-0nce!' });
        world.emulator.admin.setFaults({});
        expect(report.error?.payload).toMatchObject({ code: 'outcome_unknown' });
        expect(report.error?.hint).toContain('get-user');
    });
});

describe('reads', () => {
    it('a GET answered 500 is retried like 502-504: a sync under a share of 500s succeeds', { timeout: 60_000 }, async () => {
        await warm();
        world.emulator.admin.setFaults({ errorRate: 0.1, errorStatuses: [500], scope: 'api', seed: 'five-hundreds' });
        // One request per user: some 60 GETs, a tenth of them answered 500.
        const report = await world.harness.runSync('cc', 'user-role-assignments', { full: true });
        const { faults } = world.emulator.admin.stats();
        world.emulator.admin.setFaults({});
        expect(faults.errors).toBeGreaterThan(0);
        expectSuccess(report);
        expect(report.retries).toBeGreaterThanOrEqual(faults.errors);
    });

    it('a GET that never gets an answer fails as network_error, not as a bug in the script', { timeout: 60_000 }, async () => {
        await warm();
        world.emulator.admin.setFaults({ dropRate: 1, scope: 'api' });
        const report = await world.harness.runAction('cc', 'get-user', { id: userId(1) });
        world.emulator.admin.setFaults({});
        expect(report.status).toBe('failed');
        expect(report.error?.code).toBe('network_error');
        expect(report.error?.hint).not.toContain('bug');
    });
});
