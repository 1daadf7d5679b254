// Every action, run through the harness against the emulator over loopback, for both integrations:
// the output, and the emulator's state afterwards (read back through the emulator's own controls or
// a plain GET, not through the action under test).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { RunReport } from '../../src/harness/index.js';
import { INTEGRATION_CONNECTIONS, openScriptsWorld, type ScriptsWorld } from './world.js';

let world: ScriptsWorld;
beforeAll(async () => {
    world = await openScriptsWorld();
});
afterAll(async () => world?.close());

type Output = Record<string, unknown> & { id: string };

async function act(connection: string, action: string, input: unknown): Promise<Output> {
    const report = await world.harness.runAction(connection, action, input);
    if (report.status !== 'success') throw new Error(`${action} failed: ${JSON.stringify(report.error)}`);
    return report.output as Output;
}

async function refusal(connection: string, action: string, input: unknown): Promise<RunReport['error'] & { payload?: Record<string, unknown> }> {
    const report = await world.harness.runAction(connection, action, input);
    expect(report.status).toBe('failed');
    return report.error as RunReport['error'] & { payload?: Record<string, unknown> };
}

/** A management API read made with the seeded Worker app, independent of the scripts. */
async function read(path: string): Promise<Record<string, unknown>> {
    const response = await fetch(`${world.emulator.url}/v1/environments/${world.emulator.environmentId}${path}`, {
        headers: { authorization: `Bearer ${await world.emulator.workerToken()}` },
    });
    return (await response.json()) as Record<string, unknown>;
}

describe.each(INTEGRATION_CONNECTIONS)('$integration actions', ({ connection }) => {
    const username = (what: string) => `${what}.${connection}`;

    it('create-user, get-user, update-user, delete-user: the user is created, read, patched and gone', async () => {
        const created = await act(connection, 'create-user', {
            username: username('create'),
            email: `${username('create')}@example.com`,
            name: { given: 'Ada', family: 'Lovelace' },
        });
        expect(world.emulator.admin.users.get(created.id)?.['username']).toBe(username('create'));

        const fetched = await act(connection, 'get-user', { id: created.id });
        expect(fetched).toMatchObject({ id: created.id, username: username('create'), name: { given: 'Ada', family: 'Lovelace' } });

        const updated = await act(connection, 'update-user', { id: created.id, title: 'Engineer' });
        expect(updated['title']).toBe('Engineer');
        expect(world.emulator.admin.users.get(created.id)?.['title']).toBe('Engineer');
        expect(world.emulator.admin.users.get(created.id)?.['email']).toBe(`${username('create')}@example.com`);

        expect(await act(connection, 'delete-user', { id: created.id })).toEqual({ id: created.id, deleted: true });
        expect(world.emulator.admin.users.get(created.id)).toBeUndefined();
    });

    it('create-user with a password sets it through the import content type, and never echoes it', async () => {
        const secret = `Initial-Passw0rd-${connection}!`;
        const report = await world.harness.runAction(connection, 'create-user', {
            username: username('withpassword'),
            email: `${username('withpassword')}@example.com`,
            password: { value: secret, forceChange: true },
        });
        expect(report.status).toBe('success');
        expect(JSON.stringify(report)).not.toContain(secret);
        expect(world.logs.join('\n')).not.toContain(secret);
        const id = (report.output as Output).id;
        expect((await read(`/users/${id}/password`))['status']).toBe('MUST_CHANGE_PASSWORD');
    });

    it('create-user with a taken username fails as user_exists with the existing ID', async () => {
        const existing = world.emulator.admin.users.at(0)!;
        const error = await refusal(connection, 'create-user', { username: existing['username'], email: 'dup@example.com' });
        expect(error.payload).toMatchObject({
            code: 'user_exists',
            existingId: existing['id'],
            target: 'username',
            pingone: { status: 400, code: 'INVALID_DATA', details: [expect.objectContaining({ code: 'UNIQUENESS_VIOLATION', target: 'username' })] },
        });
        expect(error.message).toContain(String(existing['username']));
    });

    it('create-user refuses every key its schema does not declare, and oversized fields, all at once, sending nothing', async () => {
        const before = world.emulator.admin.stats().requests;
        const error = await refusal(connection, 'create-user', {
            username: username('sneaky'),
            enabled: false,
            population: { id: '00000000-0000-4000-8000-000000000000' },
            mfaEnabled: true,
            account: { canAuthenticate: false },
            title: 'x'.repeat(257),
            name: { given: 'Ada', givn: 'typo' },
        });
        expect(error.code).toBe('invalid_input');
        expect(error.problems).toEqual(
            expect.arrayContaining([
                ...['enabled', 'population', 'mfaEnabled', 'account'].map((key) => ({ path: 'input', message: `unknown key "${key}"` })),
                { path: 'input.title', message: expect.stringContaining('256') },
                { path: 'input.name', message: 'unknown key "givn"' },
            ]),
        );
        expect(error.problems).toHaveLength(6);
        expect(world.emulator.admin.stats().requests).toBe(before);
    });

    it('get-user refuses an ID that is not a PingOne ID before any request, and reports a missing user as not_found', async () => {
        const before = world.emulator.admin.stats().requests;
        const bad = await refusal(connection, 'get-user', { id: '../../environments' });
        expect(bad.payload).toMatchObject({ code: 'invalid_input', field: 'id' });
        expect(world.emulator.admin.stats().requests).toBe(before);
        const missing = await refusal(connection, 'get-user', { id: '00000000-0000-4000-8000-000000000000' });
        expect(missing.payload).toMatchObject({ code: 'not_found', pingone: { status: 404 } });
    });

    it('list-users pages with a cursor and filters with SCIM; a forged cursor is refused', async () => {
        const first = (await act(connection, 'list-users', {})) as unknown as { users: Output[]; next_cursor?: string };
        expect(first.users.length).toBeGreaterThan(0);
        const ids = new Set(first.users.map((u) => u.id));
        let cursor = first.next_cursor;
        while (cursor) {
            const page = (await act(connection, 'list-users', { cursor })) as unknown as { users: Output[]; next_cursor?: string };
            for (const user of page.users) ids.add(user.id);
            cursor = page.next_cursor;
        }
        expect(ids.size).toBe(world.emulator.admin.users.count());

        const someone = world.emulator.admin.users.at(1)!;
        const filtered = (await act(connection, 'list-users', { filter: `username eq "${String(someone['username'])}"` })) as unknown as { users: Output[] };
        expect(filtered.users.map((u) => u.id)).toEqual([someone['id']]);

        const forged = await refusal(connection, 'list-users', { cursor: 'https://evil.example/v1/x' });
        expect(forged.payload).toMatchObject({ code: 'invalid_input', field: 'cursor' });
    });

    it('disable-user and enable-user flip the enabled flag', async () => {
        const id = String(world.emulator.admin.users.at(2)!['id']);
        expect(await act(connection, 'disable-user', { id })).toEqual({ id, enabled: false });
        expect(world.emulator.admin.users.get(id)?.['enabled']).toBe(false);
        expect(await act(connection, 'enable-user', { id })).toEqual({ id, enabled: true });
        expect(world.emulator.admin.users.get(id)?.['enabled']).toBe(true);
    });

    it('change-user-population moves the user', async () => {
        const user = world.emulator.admin.users.at(3)!;
        const target = world.emulator.admin
            .directory()
            .populations.map((p) => String(p['id']))
            .find((p) => p !== (user['population'] as { id: string }).id)!;
        expect(await act(connection, 'change-user-population', { id: user['id'], populationId: target })).toEqual({ id: user['id'], populationId: target });
        expect((world.emulator.admin.users.get(String(user['id']))?.['population'] as { id: string }).id).toBe(target);
    });

    it('set-user-password, force-password-change and unlock-user change the password state', async () => {
        const id = String(world.emulator.admin.users.at(4)!['id']);
        const set = await act(connection, 'set-user-password', { id, password: `N3w-Passw0rd-${connection}!` });
        expect(set).toEqual({ id, passwordStatus: 'OK' });
        expect(JSON.stringify(set)).not.toContain('N3w-Passw0rd');
        expect(world.logs.join('\n')).not.toContain('N3w-Passw0rd');
        const forced = await act(connection, 'force-password-change', { id });
        expect(forced['id']).toBe(id);
        expect((await read(`/users/${id}/password`))['status']).toBe('MUST_CHANGE_PASSWORD');
        // The emulator's unlock puts a password that is not usable as it stands (here: must change) back to OK.
        expect(await act(connection, 'unlock-user', { id })).toEqual({ id, passwordStatus: 'OK' });
        expect((await read(`/users/${id}/password`))['status']).toBe('OK');
    });

    it('set-mfa-enabled and list-user-mfa-devices', async () => {
        const id = String(world.emulator.admin.users.at(5)!['id']);
        expect(await act(connection, 'set-mfa-enabled', { id, enabled: false })).toEqual({ id, mfaEnabled: false });
        expect(world.emulator.admin.users.get(id)?.['mfaEnabled']).toBe(false);
        await world.harness.request('cc', {
            method: 'POST',
            endpoint: `/v1/environments/${world.emulator.environmentId}/users/${id}/devices`,
            data: { type: 'SMS', phone: '+14155550100' },
        });
        const listed = (await act(connection, 'list-user-mfa-devices', { id })) as unknown as { devices: Output[] };
        expect(listed.devices).toContainEqual(expect.objectContaining({ userId: id, type: 'SMS', phone: '+14155550100' }));
    });

    it('create-group, add-user-to-group, list-group-members, remove-user-from-group, delete-group', async () => {
        const group = await act(connection, 'create-group', { name: `Group ${connection}`, description: 'made by a test' });
        expect(world.emulator.admin.directory().groups.map((g) => g['id'])).toContain(group.id);
        const userId = String(world.emulator.admin.users.at(6)!['id']);

        expect(await act(connection, 'add-user-to-group', { userId, groupId: group.id })).toMatchObject({
            id: `${group.id}:${userId}`,
            groupId: group.id,
            userId,
        });
        const again = await refusal(connection, 'add-user-to-group', { userId, groupId: group.id });
        expect(again.payload).toMatchObject({ code: 'already_member' });

        const members = (await act(connection, 'list-group-members', { groupId: group.id })) as unknown as { members: Output[] };
        expect(members.members.map((m) => m['userId'])).toEqual([userId]);

        expect(await act(connection, 'remove-user-from-group', { userId, groupId: group.id })).toEqual({ id: `${group.id}:${userId}`, removed: true });
        const after = (await act(connection, 'list-group-members', { groupId: group.id })) as unknown as { members: Output[] };
        expect(after.members).toEqual([]);

        expect(await act(connection, 'delete-group', { id: group.id })).toEqual({ id: group.id, deleted: true });
        expect(world.emulator.admin.directory().groups.map((g) => g['id'])).not.toContain(group.id);
    });

    it('list-group-members follows its own cursor and refuses a cursor of another listing (list-users, another filter, extra parameters)', async () => {
        const group = world.emulator.admin.directory().groups.find((g) => g['name'] === 'Engineering')!;
        const filter = `memberOfGroups[id eq "${String(group['id'])}"]`;
        const first = (await read(`/users?limit=1&filter=${encodeURIComponent(filter)}`)) as { _links: { next: { href: string } } };
        const next = new URL(first._links.next.href);
        const own = `${next.pathname}${next.search}`;
        const second = (await read(own.replace(/^.*?\/users\?/, '/users?'))) as { _embedded: { users: Output[] } };
        const page = (await act(connection, 'list-group-members', { groupId: group['id'], cursor: own })) as unknown as { members: Output[] };
        expect(page.members.map((m) => m['userId'])).toEqual(second._embedded.users.map((u) => u.id));

        // A list-users cursor: the same path, no filter (list-users hands these out past its first page).
        const usersLink = new URL(((await read('/users?limit=1')) as { _links: { next: { href: string } } })._links.next.href);
        const usersPath = `/v1/environments/${world.emulator.environmentId}/users`;
        const foreign = [
            [`${usersLink.pathname}${usersLink.search}`, 'another filter'],
            [`${usersPath}?filter=${encodeURIComponent('enabled eq true')}`, 'another filter'],
            [`${own}&expand=population`, 'other than cursor, limit, filter'],
        ] as const;
        for (const [cursor, reason] of foreign) {
            const refused = await refusal(connection, 'list-group-members', { groupId: group['id'], cursor });
            expect(refused.payload, cursor).toMatchObject({ code: 'invalid_input', field: 'cursor', message: expect.stringContaining(reason) });
        }
    });

    it('create-population', async () => {
        const population = await act(connection, 'create-population', { name: `Population ${connection}`, description: 'made by a test' });
        expect(population).toMatchObject({ name: `Population ${connection}`, description: 'made by a test', isDefault: false });
        expect(world.emulator.admin.directory().populations.map((p) => p['id'])).toContain(population.id);
    });

    it('list-roles, assign-role, remove-role-assignment', async () => {
        const roles = (await act(connection, 'list-roles', {})) as unknown as { roles: Output[] };
        const helpDesk = roles.roles.find((r) => r['name'] === 'Help Desk Admin')!;
        expect(helpDesk).toBeDefined();
        const userId = String(world.emulator.admin.users.at(8)!['id']);

        const assigned = await act(connection, 'assign-role', { userId, roleId: helpDesk.id });
        expect(assigned).toMatchObject({ userId, roleId: helpDesk.id, scopeType: 'ENVIRONMENT', scopeId: world.emulator.environmentId });
        const listed = (await read(`/users/${userId}/roleAssignments`)) as { _embedded: { roleAssignments: Output[] } };
        expect(listed._embedded.roleAssignments.map((a) => a.id)).toContain(assigned.id);

        expect(await act(connection, 'remove-role-assignment', { userId, roleAssignmentId: assigned.id })).toEqual({ id: assigned.id, removed: true });
        const after = (await read(`/users/${userId}/roleAssignments`)) as { _embedded: { roleAssignments: Output[] } };
        expect(after._embedded.roleAssignments.map((a) => a.id)).not.toContain(assigned.id);
    });

    it('assign-role needs scopeId for a non-environment scope, and says so', async () => {
        const error = await refusal(connection, 'assign-role', {
            userId: String(world.emulator.admin.users.at(8)!['id']),
            roleId: '00000000-0000-4000-8000-000000000000',
            scopeType: 'POPULATION',
        });
        expect(error.payload).toMatchObject({ code: 'invalid_input', field: 'scopeId' });
    });
});
