// The users sync and list-users ask PingOne for 200 users a page, its documented maximum for
// /users, so a full scan makes half the requests it would at the default 100. The sync reads each
// population with a cursor of its own, so it pages each population in pages of 200.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { expectSuccess, liveRecords, openScriptsWorld, usersScanPages, type ScriptsWorld } from './world.js';

const users = 450;
let world: ScriptsWorld;
beforeAll(async () => {
    world = await openScriptsWorld({ users });
});
afterAll(async () => world?.close());

const userListRequests = () =>
    Object.entries(world.emulator.admin.stats().byRoute)
        .filter(([route]) => /^GET .*\/users$/.test(route))
        .reduce((sum, [, count]) => sum + count, 0);

describe('users page size', () => {
    it('a full users sync reads 200 users a page', async () => {
        world.emulator.admin.resetStats();
        expectSuccess(await world.harness.runSync('cc', 'users'));
        const total = world.emulator.admin.users.count();
        expect(liveRecords(world.harness, 'cc', 'User')).toHaveLength(total);
        expect(userListRequests()).toBe(usersScanPages(world.harness, 'cc'));
    });

    it('list-users hands out 200 users a page, then a cursor', async () => {
        const report = expectSuccess(await world.harness.runAction('cc', 'list-users', {}));
        const page = report.output as { users: unknown[]; next_cursor?: string };
        expect(page.users).toHaveLength(200);
        expect(page.next_cursor).toContain('limit=200');
    });
});
