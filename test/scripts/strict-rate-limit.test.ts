// A fan-out sync (`user-role-assignments`: one request per user) against an emulator with a strict
// rate limit and a small burst completes with no failed request and few 429s. The share of the limit
// it reached is printed, not asserted (speed lives in `npm run bench`; request-budget.test.ts asserts
// the ratio on an instant clock).
import { afterEach, describe, expect, it } from 'vitest';

import { openHarness } from '../../src/harness/index.js';
import { expectSuccess, liveRecords, openScriptsWorld, type ScriptsWorld } from './world.js';

// A world per case: a connection's budget lives as long as its harness, and each case starts fresh,
// at the default rate, above the limit.
let world: ScriptsWorld | undefined;
afterEach(async () => {
    await world?.close();
    world = undefined;
});

describe.each([
    { requestsPerSecond: 20, burst: 2 },
    { requestsPerSecond: 40, burst: 1 },
])('user-role-assignments under $requestsPerSecond requests/s, burst $burst', (limit) => {
    it('completes with no failed request and few 429s', { timeout: 120_000 }, async () => {
        world = await openScriptsWorld({ users: 80 });
        const { emulator, harness } = world;
        // A first run without the limit loads the script and takes the token, so that the figure
        // printed is the fan-out's; the budget is then at its ceiling, far above the limit.
        expectSuccess(await harness.runSync('cc', 'user-role-assignments', { full: true }));
        emulator.admin.setRateLimit(limit);
        emulator.admin.resetStats();
        const started = performance.now();
        const report = await harness.runSync('cc', 'user-role-assignments', { full: true });
        const seconds = (performance.now() - started) / 1000;
        const stats = emulator.admin.stats();
        expectSuccess(report);
        const failed = Object.entries(stats.byStatus).filter(([status]) => !status.startsWith('2') && status !== '429');
        expect(failed).toEqual([]);
        const accepted = Object.entries(stats.byStatus)
            .filter(([status]) => status.startsWith('2'))
            .reduce((sum, [, count]) => sum + count, 0);
        console.log(
            `user-role-assignments at ${limit.requestsPerSecond}/s, burst ${limit.burst}: ${accepted} accepted in ${seconds.toFixed(1)} s, ` +
                `${((accepted / seconds / limit.requestsPerSecond) * 100).toFixed(0)}% of the limit, ${stats.status429} answered 429`,
        );
        expect(stats.status429).toBeLessThan(accepted * 0.1);
        expect(liveRecords(harness, 'cc', 'UserRoleAssignment').length).toBeGreaterThan(0);
    });
});

describe('the next command on the connection, under 20 requests/s with a burst of 2', () => {
    it('starts from the rate the earlier one found, instead of finding it again from 429s', { timeout: 120_000 }, async () => {
        // Long enough (about 15 s) for the budget to settle under the limit after finding it.
        world = await openScriptsWorld({ users: 300 });
        const { emulator, harness } = world;
        expectSuccess(await harness.runSync('cc', 'user-role-assignments', { full: true }));
        emulator.admin.setRateLimit({ requestsPerSecond: 20, burst: 2 });
        emulator.admin.resetStats();
        expectSuccess(await harness.runSync('cc', 'user-role-assignments', { full: true }));
        const finding = emulator.admin.stats().status429;
        const found = harness.store.foundRates.get('cc');
        // Near the limit: a burst of 2 lets a rate a little above it go for seconds before its 429.
        expect(found?.requestsPerSecond).toBeGreaterThan(15);
        expect(found?.requestsPerSecond).toBeLessThan(22);

        // Another process, as the next CLI command is: nothing is shared with the first but the database.
        const next = openHarness({ dbPath: harness.dbPath, env: {} });
        try {
            emulator.admin.resetStats();
            expectSuccess(await next.runSync('cc', 'user-role-assignments', { full: true }));
            const resumed = emulator.admin.stats().status429;
            console.log(
                `user-role-assignments at 20/s, burst 2: ${finding} answered 429 finding the limit (${found?.requestsPerSecond.toFixed(2)}/s found), ${resumed} in the next command`,
            );
            expect(finding).toBeGreaterThan(0);
            expect(resumed).toBeLessThanOrEqual(1);
        } finally {
            await next.close();
        }
    });
});
