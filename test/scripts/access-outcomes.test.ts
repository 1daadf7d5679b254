// True outcomes of the new writes when the connection breaks after PingOne acted (the emulator's
// `cutAfterActRate`): a POST is sent once and reported as outcome_unknown with the read to check; a
// DELETE's repeat that finds the thing gone is success with a note.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { expectSuccess, openScriptsWorld, runCutAfterAct, workerApi, type ScriptsWorld } from './world.js';

let world: ScriptsWorld;
beforeAll(async () => {
    world = await openScriptsWorld();
});
afterAll(async () => world?.close());
afterEach(() => world.emulator.admin.setFaults({}));

async function newGroup(name: string): Promise<string> {
    return String((await workerApi(world, 'POST', '/groups', { name })).body['id']);
}

const cutAfterAct = (action: string, input: unknown) => runCutAfterAct(world, action, input);

describe('a POST whose connection broke after it was sent', () => {
    it('add-nested-group: outcome_unknown naming list-nested-groups, sent once, and the nesting was in fact made', async () => {
        const [child, parent] = [await newGroup('Cut child'), await newGroup('Cut parent')];
        const report = await cutAfterAct('add-nested-group', { groupId: child, parentGroupId: parent });
        expect(report.error?.payload).toMatchObject({ code: 'outcome_unknown' });
        expect(report.error?.hint).toContain('list-nested-groups');
        const stats = world.emulator.admin.stats();
        expect(stats.requests - stats.tokenRequests).toBe(1);
        const nestings = (await workerApi(world, 'GET', `/groups/${child}/memberOfGroups`)).body as { _embedded: { groupMemberships: Array<{ id: string }> } };
        expect(nestings._embedded.groupMemberships.map((nesting) => nesting.id)).toEqual([parent]);
    });

    it('assign-group-role: outcome_unknown naming list-group-role-assignments, sent once', async () => {
        const groupId = await newGroup('Cut admins');
        const roles = (await (
            await fetch(`${world.emulator.url}/v1/roles`, { headers: { authorization: `Bearer ${await world.emulator.workerToken()}` } })
        ).json()) as {
            _embedded: { roles: Array<{ id: string; name: string }> };
        };
        const roleId = roles._embedded.roles.find((role) => role.name === 'Help Desk Admin')!.id;
        const report = await cutAfterAct('assign-group-role', { groupId, roleId });
        expect(report.error?.payload).toMatchObject({ code: 'outcome_unknown' });
        expect(report.error?.hint).toContain('list-group-role-assignments');
        const stats = world.emulator.admin.stats();
        expect(stats.requests - stats.tokenRequests).toBe(1);
    });
});

describe('a DELETE whose answer was lost', () => {
    it('unlink-account and remove-nested-group report success with a note when the repeat finds it gone', async () => {
        const provider = await workerApi(world, 'POST', '/identityProviders', { name: 'Cut social', type: 'GITHUB', enabled: true });
        const userId = String(world.emulator.admin.users.at(3)!['id']);
        const link = await workerApi(
            world,
            'POST',
            `/users/${userId}/linkedAccounts`,
            { identityProvider: { id: provider.body['id'] }, externalId: 'cut-1' },
            'application/vnd.pingidentity.account.link+json',
        );
        const unlinked = await cutAfterAct('unlink-account', { userId, linkedAccountId: link.body['id'] });
        expectSuccess(unlinked);
        expect(unlinked.output).toMatchObject({ removed: true, note: expect.stringContaining('already deleted') });

        const [child, parent] = [await newGroup('Cut nested'), await newGroup('Cut outer')];
        await workerApi(world, 'POST', `/groups/${child}/memberOfGroups`, { id: parent });
        const removed = await cutAfterAct('remove-nested-group', { groupId: child, parentGroupId: parent });
        expectSuccess(removed);
        expect(removed.output).toMatchObject({ id: `${child}:${parent}`, removed: true, note: expect.stringContaining('already deleted') });
    });
});
