// Every sync, run through the harness against the emulator over loopback, for both integrations:
// the records match the emulator's data, and changes made in the emulator show up (or go) on the
// next run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { expectSuccess, INTEGRATION_CONNECTIONS, liveRecords, openScriptsWorld, type ScriptsWorld } from './world.js';

let world: ScriptsWorld;
beforeAll(async () => {
    world = await openScriptsWorld();
});
afterAll(async () => world?.close());

interface Row {
    id: string;
    [key: string]: unknown;
}

describe.each(INTEGRATION_CONNECTIONS)('$integration syncs', ({ connection }) => {
    it('users: one record per emulator user, with PingOne fields mapped and null fields absent', async () => {
        const report = expectSuccess(await world.harness.runSync(connection, 'users'));
        const users = liveRecords<Row>(world.harness, connection, 'User');
        expect(users).toHaveLength(world.emulator.admin.users.count());
        expect(report.counts.added + report.counts.updated).toBeGreaterThan(0);
        const first = world.emulator.admin.users.at(0)!;
        const record = users.find((user) => user.id === first['id'])!;
        expect(record['username']).toBe(first['username']);
        expect(record['populationId']).toBe((first['population'] as { id: string }).id);
        expect(Object.values(record)).not.toContain(null);
    });

    it('groups and populations: the emulator directory, exactly', async () => {
        expectSuccess(await world.harness.runSync(connection, 'groups'));
        expectSuccess(await world.harness.runSync(connection, 'populations'));
        const directory = world.emulator.admin.directory();
        expect(
            liveRecords<Row>(world.harness, connection, 'Group')
                .map((g) => g.id)
                .sort(),
        ).toEqual(directory.groups.map((g) => String(g['id'])).sort());
        expect(
            liveRecords<Row>(world.harness, connection, 'Population')
                .map((p) => p.id)
                .sort(),
        ).toEqual(directory.populations.map((p) => String(p['id'])).sort());
    });

    it('group-memberships: `<groupId>:<userId>` records; a removed membership is deleted on the next run', async () => {
        const group = String(world.emulator.admin.directory().groups[0]!['id']);
        const user = String(world.emulator.admin.users.at(3)!['id']);
        world.emulator.admin.users.setGroups(user, [group]);
        expectSuccess(await world.harness.runSync(connection, 'group-memberships'));
        const ids = liveRecords<Row>(world.harness, connection, 'GroupMembership').map((m) => m.id);
        expect(ids).toContain(`${group}:${user}`);

        world.emulator.admin.users.setGroups(user, []);
        expectSuccess(await world.harness.runSync(connection, 'group-memberships'));
        expect(liveRecords<Row>(world.harness, connection, 'GroupMembership').map((m) => m.id)).not.toContain(`${group}:${user}`);
    });

    it('applications: every application, and never a client secret', async () => {
        expectSuccess(await world.harness.runSync(connection, 'applications'));
        const applications = liveRecords<Row>(world.harness, connection, 'Application');
        expect(applications.map((a) => a.id)).toEqual(expect.arrayContaining([world.emulator.worker.clientId, world.emulator.web.clientId]));
        const text = JSON.stringify(applications);
        expect(text).not.toContain(world.emulator.worker.clientSecret);
        expect(text).not.toContain(world.emulator.web.clientSecret);
    });

    it("user-role-assignments: a role given to a user appears with the role's name", async () => {
        const user = String(world.emulator.admin.users.at(5)!['id']);
        world.emulator.admin.setRoles(user, ['Identity Data Admin']);
        expectSuccess(await world.harness.runSync(connection, 'user-role-assignments'));
        const mine = liveRecords<Row>(world.harness, connection, 'UserRoleAssignment').filter((a) => a['userId'] === user);
        expect(mine).toEqual([expect.objectContaining({ roleName: 'Identity Data Admin', scopeType: 'ENVIRONMENT', scopeId: world.emulator.environmentId })]);
    });

    it('mfa-devices: a device added to a user appears, with its user', async () => {
        const user = String(world.emulator.admin.users.at(7)!['id']);
        const created = await world.harness.request('cc', {
            method: 'POST',
            endpoint: `/v1/environments/${world.emulator.environmentId}/users/${user}/devices`,
            data: { type: 'EMAIL', email: `device-${connection}@example.com` },
        });
        expect(created.status).toBe(201);
        expectSuccess(await world.harness.runSync(connection, 'mfa-devices'));
        const devices = liveRecords<Row>(world.harness, connection, 'MfaDevice').filter((d) => d['userId'] === user);
        expect(devices).toContainEqual(expect.objectContaining({ type: 'EMAIL', email: `device-${connection}@example.com` }));
    });

    it('audit-activities: a change made in the emulator is appended once, even across overlapping runs', async () => {
        // A user of its own per integration: both read the same audit log.
        const user = world.emulator.admin.users.at(connection === 'cc' ? 9 : 11)!;
        world.emulator.admin.users.update(String(user['id']), { title: `Audited ${connection}` });
        expectSuccess(await world.harness.runSync(connection, 'audit-activities'));
        // The second run re-reads the first one's last minutes (its lookback): nothing new to add or change.
        const again = expectSuccess(await world.harness.runSync(connection, 'audit-activities'));
        expect(again.counts).toEqual({ added: 0, updated: 0, deleted: 0 });
        const activities = liveRecords<Row>(world.harness, connection, 'AuditActivity');
        const aboutUser = activities.filter((a) => a['actionType'] === 'USER.UPDATED' && JSON.stringify(a['resources']).includes(String(user['id'])));
        expect(aboutUser).toHaveLength(1);
    });
});

describe('pingone-cc only', () => {
    it("environments: the organization's environments, including the connection's own", async () => {
        expectSuccess(await world.harness.runSync('cc', 'environments'));
        expect(liveRecords<Row>(world.harness, 'cc', 'Environment').map((e) => e.id)).toContain(world.emulator.environmentId);
    });

    it('has no environments sync for pingone (an admin session is bound to one environment)', () => {
        expect(world.harness.scripts('web').sync).not.toContain('environments');
        expect(world.harness.scripts('cc').sync).toContain('environments');
    });
});
