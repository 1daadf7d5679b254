// Fan-out syncs (one request per user or group) against an emulator with a tight rate limit: paced
// below it they never see a 429; paced above it they still finish, the 429s retried after Retry-After.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { expectSuccess, liveRecords, openScriptsWorld, type ScriptsWorld } from './world.js';

let world: ScriptsWorld;
beforeAll(async () => {
    world = await openScriptsWorld({ users: 40 });
    world.emulator.admin.setRateLimit({ requestsPerSecond: 20, burst: 4 });
});
afterAll(async () => world?.close());

describe('fan-out syncs under a rate limit', () => {
    it('stay under it when maxRequestsPerSecond (connection metadata) is below the limit: no 429 at all', { timeout: 180_000 }, async () => {
        world.harness.store.metadata.set('cc', { maxRequestsPerSecond: 10 });
        try {
            world.emulator.admin.resetStats();
            expectSuccess(await world.harness.runSync('cc', 'mfa-devices'));
            expect(world.emulator.admin.stats().status429).toBe(0);
        } finally {
            world.harness.store.metadata.set('cc', {});
        }
    });

    it('finish without failing when paced above it: the 429s are retried', { timeout: 180_000 }, async () => {
        world.emulator.admin.resetStats();
        const report = expectSuccess(await world.harness.runSync('cc', 'user-role-assignments'));
        console.log(
            `user-role-assignments at 20 req/s: ${report.requests} requests, ${world.emulator.admin.stats().status429} answered 429, ${report.retries} retries`,
        );
        expect(world.emulator.admin.stats().status429).toBeGreaterThan(0);
        expect(liveRecords(world.harness, 'cc', 'UserRoleAssignment').length).toBeGreaterThan(0);
    });
});
