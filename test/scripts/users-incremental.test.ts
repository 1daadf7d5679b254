// The users sync after its first full scan: one incremental run, driven by PingOne's audit log,
// brings in creates, updates, disables, population and membership changes and deletes made in the
// emulator, with far fewer requests than the full scan. Both counts are printed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { expectSuccess, INTEGRATION_CONNECTIONS, liveRecords, openScriptsWorld, type ScriptsWorld } from './world.js';

let world: ScriptsWorld;
beforeAll(async () => {
    // A full scan of many pages: 2,000 users on pages of at most 20 (the emulator's page cap).
    world = await openScriptsWorld({ users: 2_000, userPageCap: 20 });
});
afterAll(async () => world?.close());

interface UserRow {
    id: string;
    username?: string;
    title?: string;
    enabled?: boolean;
    populationId?: string;
}

describe.each(INTEGRATION_CONNECTIONS)('$integration users sync', ({ connection }) => {
    it('picks up creates, updates, disables, moves and deletes in one incremental run, with far fewer requests', { timeout: 180_000 }, async () => {
        const admin = world.emulator.admin;
        const full = expectSuccess(await world.harness.runSync(connection, 'users'));
        expect(liveRecords(world.harness, connection, 'User')).toHaveLength(admin.users.count());

        const created = admin.users.create({ username: `incremental.${connection}`, email: `incremental.${connection}@example.com` });
        const updated = String(admin.users.at(10)!['id']);
        admin.users.update(updated, { title: `Changed for ${connection}` });
        const disabled = String(admin.users.at(11)!['id']);
        admin.users.update(disabled, { enabled: false });
        const populations = admin.directory().populations.map((p) => String(p['id']));
        const moved = admin.users.at(12)!;
        const target = populations.find((id) => id !== (moved['population'] as { id: string }).id)!;
        admin.users.update(String(moved['id']), { population: { id: target } });
        const deleted = String(admin.users.at(13)!['id']);
        admin.users.delete(deleted);

        const incremental = expectSuccess(await world.harness.runSync(connection, 'users'));
        console.log(`users sync (${connection}): full scan ${full.requests} requests, incremental run ${incremental.requests} requests`);

        const users = new Map(liveRecords<UserRow>(world.harness, connection, 'User').map((user) => [user.id, user]));
        expect(users.get(String(created['id']))?.username).toBe(`incremental.${connection}`);
        expect(users.get(updated)?.title).toBe(`Changed for ${connection}`);
        expect(users.get(disabled)?.enabled).toBe(false);
        expect(users.get(String(moved['id']))?.populationId).toBe(target);
        expect(users.has(deleted)).toBe(false);
        expect(users.size).toBe(admin.users.count());
        expect(incremental.counts.deleted).toBe(1);
        // 2,000 users are 100 pages of 20; the incremental run reads the audit log and the changed users.
        expect(incremental.requests * 5).toBeLessThan(full.requests);
    });

    it('runs a full reconciliation when the interval set in metadata has passed', { timeout: 180_000 }, async () => {
        world.harness.store.metadata.set(connection, { fullReconciliationHours: 0.0000001 });
        try {
            const removedBehindTheLog = String(world.emulator.admin.users.at(20)!['id']);
            world.emulator.admin.users.delete(removedBehindTheLog);
            const report = expectSuccess(await world.harness.runSync(connection, 'users'));
            // A full scan reads every page, and deletes what it did not see.
            expect(report.requests).toBeGreaterThan(10);
            expect(liveRecords<UserRow>(world.harness, connection, 'User').map((u) => u.id)).not.toContain(removedBehindTheLog);
        } finally {
            world.harness.store.metadata.set(connection, {});
        }
    });

    it('rejects a malformed interval in metadata, naming the field', async () => {
        world.harness.store.metadata.set(connection, { fullReconciliationHours: 'daily' });
        try {
            const report = await world.harness.runSync(connection, 'users');
            expect(report.status).toBe('failed');
            expect(JSON.stringify(report.error)).toContain('fullReconciliationHours');
        } finally {
            world.harness.store.metadata.set(connection, {});
        }
    });
});
