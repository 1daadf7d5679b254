// PingOne Authorize application roles: the environment's list and a user's assignments, each action
// run through the harness against the emulator for both admin integrations, and the emulator's state
// read back independently (a plain GET with the seeded Worker app's token). The roles table names
// Environment Admin alone for these calls; an Identity Data Admin is refused.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import {
    connectWorkerWithRoles,
    expectSuccess,
    failurePayload,
    INTEGRATION_CONNECTIONS,
    openScriptsWorld,
    runCutAfterAct,
    workerApi,
    type ScriptsWorld,
} from './world.js';

let world: ScriptsWorld;
beforeAll(async () => {
    world = await openScriptsWorld();
});
afterAll(async () => world?.close());
afterEach(() => world.emulator.admin.setFaults({}));

type Output = Record<string, unknown>;

async function act(connection: string, action: string, input: unknown): Promise<Output> {
    return expectSuccess(await world.harness.runAction(connection, action, input)).output as Output;
}

async function refusal(connection: string, action: string, input: unknown): Promise<Output> {
    return failurePayload(await world.harness.runAction(connection, action, input));
}

/** The environment's application roles, read with the seeded Worker app. */
async function environmentRoles(): Promise<Array<{ id: string; name: string; description?: string }>> {
    const body = (await workerApi(world, 'GET', '/applicationRoles')).body as {
        _embedded: { roles: Array<{ id: string; name: string; description?: string }> };
    };
    return body._embedded.roles;
}

/** The IDs of the application roles the user holds, read with the seeded Worker app. */
async function heldRoleIds(userId: string): Promise<string[]> {
    const body = (await workerApi(world, 'GET', `/users/${userId}/applicationRoles`)).body as { _embedded: { roles: Array<{ id: string }> } };
    return body._embedded.roles.map((role) => role.id);
}

describe.each(INTEGRATION_CONNECTIONS)('$integration application role actions', ({ connection }) => {
    const newUser = (what: string) => String(world.emulator.admin.users.create({ username: `${what}.approles.${connection}` })['id']);

    it("list-application-roles lists the environment's application roles, not the admin roles", async () => {
        const output = (await act(connection, 'list-application-roles', {})) as { applicationRoles: Array<{ id: string; name: string }> };
        const expected = await environmentRoles();
        expect(output.applicationRoles).toEqual(expected.map((role) => ({ id: role.id, name: role.name, description: role.description })));
        expect(output.applicationRoles.map((role) => role.name)).not.toContain('Environment Admin');
    });

    it('assign-user-application-role grants the role; list-user-application-roles lists it; a second grant is already_assigned', async () => {
        const userId = newUser('assign');
        const [role] = await environmentRoles();
        const assigned = await act(connection, 'assign-user-application-role', { userId, applicationRoleId: role?.id });
        expect(assigned).toMatchObject({ id: role?.id, userId, name: role?.name, environmentId: world.emulator.environmentId });
        expect(await heldRoleIds(userId)).toEqual([role?.id]);
        const listed = (await act(connection, 'list-user-application-roles', { userId })) as { applicationRoles: Output[] };
        expect(listed.applicationRoles).toEqual([
            { id: role?.id, userId, name: role?.name, description: role?.description, environmentId: world.emulator.environmentId },
        ]);
        const again = await refusal(connection, 'assign-user-application-role', { userId, applicationRoleId: role?.id });
        expect(again).toMatchObject({ code: 'already_assigned' });
        expect(await heldRoleIds(userId)).toEqual([role?.id]);
    });

    it('assign-user-application-role refuses an ID that names no application role (application_role_not_found) and assigns nothing', async () => {
        const userId = newUser('unknown');
        const payload = await refusal(connection, 'assign-user-application-role', { userId, applicationRoleId: '00000000-0000-4000-8000-000000000000' });
        expect(payload).toMatchObject({ code: 'application_role_not_found' });
        expect(await heldRoleIds(userId)).toEqual([]);
    });

    it('remove-user-application-role takes the role away; a second removal is not_found', async () => {
        const userId = newUser('remove');
        const [first, second] = await environmentRoles();
        await act(connection, 'assign-user-application-role', { userId, applicationRoleId: first?.id });
        await act(connection, 'assign-user-application-role', { userId, applicationRoleId: second?.id });
        expect(await act(connection, 'remove-user-application-role', { userId, applicationRoleId: first?.id })).toEqual({ id: first?.id, removed: true });
        expect(await heldRoleIds(userId)).toEqual([second?.id]);
        expect(await refusal(connection, 'remove-user-application-role', { userId, applicationRoleId: first?.id })).toMatchObject({ code: 'not_found' });
    });
});

describe('roles', () => {
    it('an Identity Data Admin may neither read nor assign application roles (missing_role), and nothing is assigned', async () => {
        await connectWorkerWithRoles(world, 'identity-admin', ['Identity Data Admin']);
        const userId = String(world.emulator.admin.users.create({ username: 'refused.approles' })['id']);
        const [role] = await environmentRoles();
        expect(await refusal('identity-admin', 'list-application-roles', {})).toMatchObject({ code: 'missing_role' });
        expect(await refusal('identity-admin', 'list-user-application-roles', { userId })).toMatchObject({ code: 'missing_role' });
        expect(await refusal('identity-admin', 'assign-user-application-role', { userId, applicationRoleId: role?.id })).toMatchObject({
            code: 'missing_role',
        });
        expect(await heldRoleIds(userId)).toEqual([]);
    });
});

describe('when the connection breaks after PingOne acted', () => {
    const cutAfterAct = (action: string, input: unknown) => runCutAfterAct(world, action, input);

    it('assign-user-application-role is sent once and reported outcome_unknown, naming list-user-application-roles; the role was in fact assigned', async () => {
        const userId = String(world.emulator.admin.users.create({ username: 'cut.assign.approles' })['id']);
        const [role] = await environmentRoles();
        const report = await cutAfterAct('assign-user-application-role', { userId, applicationRoleId: role?.id });
        expect(report.error?.payload).toMatchObject({ code: 'outcome_unknown' });
        expect(report.error?.hint).toContain('list-user-application-roles');
        const stats = world.emulator.admin.stats();
        expect(stats.requests - stats.tokenRequests).toBe(1);
        expect(await heldRoleIds(userId)).toEqual([role?.id]);
    });

    it('remove-user-application-role reports success with a note when the repeat finds the role gone', async () => {
        const userId = String(world.emulator.admin.users.create({ username: 'cut.remove.approles' })['id']);
        const [role] = await environmentRoles();
        await workerApi(world, 'POST', `/users/${userId}/applicationRoles`, { id: role?.id });
        const report = await cutAfterAct('remove-user-application-role', { userId, applicationRoleId: role?.id });
        expect(expectSuccess(report).output).toMatchObject({ id: role?.id, removed: true, note: expect.stringContaining('already deleted') });
        expect(await heldRoleIds(userId)).toEqual([]);
    });
});
