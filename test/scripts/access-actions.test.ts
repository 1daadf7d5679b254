// Groups complete, application access and linked accounts: each action run through the harness
// against the emulator for both integrations, and the emulator's state read back independently (a
// plain GET with the seeded Worker app's token, or the audit log).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { RunReport } from '../../src/harness/index.js';
import { INTEGRATION_CONNECTIONS, openScriptsWorld, signOnTokens, workerApi, type ScriptsWorld } from './world.js';

let world: ScriptsWorld;
let startedAt: string;
beforeAll(async () => {
    world = await openScriptsWorld();
    startedAt = new Date(Date.now() - 1000).toISOString();
});
afterAll(async () => world?.close());

type Output = Record<string, unknown> & { id: string };
type Listed<K extends string> = Record<K, Output[]>;

async function act<T = Output>(connection: string, action: string, input: unknown): Promise<T> {
    const report = await world.harness.runAction(connection, action, input);
    if (report.status !== 'success') throw new Error(`${action} failed: ${JSON.stringify(report.error)}`);
    return report.output as T;
}

async function refusal(connection: string, action: string, input: unknown): Promise<RunReport['error'] & { payload?: Record<string, unknown> }> {
    const report = await world.harness.runAction(connection, action, input);
    expect(report.status).toBe('failed');
    return report.error as RunReport['error'] & { payload?: Record<string, unknown> };
}

function api(method: string, path: string, body?: unknown, contentType?: string): Promise<{ status: number; body: Record<string, unknown> }> {
    return workerApi(world, method, path, body, contentType);
}

async function read(path: string): Promise<Record<string, unknown>> {
    return (await api('GET', path)).body;
}

/** The audit log's action types on a resource since the test began. */
async function auditedTypes(resourceId: string): Promise<string[]> {
    const filter = `recordedAt gt "${startedAt}"`;
    const page = (await read(`/activities?limit=1000&filter=${encodeURIComponent(filter)}`)) as {
        _embedded: { activities: Array<{ action: { type: string }; resources: Array<{ id: string }> }> };
    };
    return page._embedded.activities
        .filter((activity) => activity.resources.some((resource) => resource.id === resourceId))
        .map((activity) => activity.action.type);
}

async function newGroup(name: string): Promise<string> {
    return String((await api('POST', '/groups', { name })).body['id']);
}

describe.each(INTEGRATION_CONNECTIONS)('$integration access actions', ({ connection }) => {
    it('get-group reads a group with its member counts; update-group changes only the given fields, PUT whole, and is audited', async () => {
        const id = await newGroup(`Readable ${connection}`);
        await api('PUT', `/groups/${id}`, { name: `Readable ${connection}`, description: 'before', externalId: 'ext-1' });
        const userId = String(world.emulator.admin.users.at(10)!['id']);
        world.emulator.admin.users.setGroups(userId, [id]);

        expect(await act(connection, 'get-group', { id })).toMatchObject({
            id,
            name: `Readable ${connection}`,
            description: 'before',
            directMemberCount: 1,
            totalMemberCount: 1,
        });

        const updated = await act(connection, 'update-group', { id, description: 'after', externalId: null });
        expect(updated).toMatchObject({ id, name: `Readable ${connection}`, description: 'after' });
        expect(updated['externalId']).toBeUndefined();
        const stored = await read(`/groups/${id}`);
        expect(stored).toMatchObject({ name: `Readable ${connection}`, description: 'after' });
        expect(stored['externalId']).toBeUndefined();
        expect(await auditedTypes(id)).toContain('GROUP.UPDATED');

        const missing = await refusal(connection, 'get-group', { id: '00000000-0000-4000-8000-000000000000' });
        expect(missing.payload).toMatchObject({ code: 'not_found' });
    });

    it("list-user-groups lists the user's groups from the user's side, a nested group's parent as INDIRECT", async () => {
        const groups = world.emulator.admin
            .directory()
            .groups.filter((group) => group['population'] === undefined)
            .slice(0, 2);
        const userId = String(world.emulator.admin.users.at(11)!['id']);
        world.emulator.admin.users.setGroups(
            userId,
            groups.map((group) => String(group['id'])),
        );
        const outer = await newGroup(`Outer of ${connection}`);
        expect((await api('POST', `/groups/${String(groups[0]!['id'])}/memberOfGroups`, { id: outer })).status).toBe(201);

        const listed = await act<Listed<'groups'>>(connection, 'list-user-groups', { userId });
        const byGroup = new Map(listed.groups.map((group) => [group['groupId'], group]));
        expect([...byGroup.keys()].sort()).toEqual([...groups.map((group) => String(group['id'])), outer].sort());
        expect(byGroup.get(String(groups[0]!['id']))).toMatchObject({ id: `${String(groups[0]!['id'])}:${userId}`, userId, type: 'DIRECT' });
        expect(byGroup.get(outer)).toMatchObject({ id: `${outer}:${userId}`, groupName: `Outer of ${connection}`, type: 'INDIRECT' });
        await api('DELETE', `/groups/${outer}`);
    });

    it('add-nested-group, list-nested-groups, remove-nested-group: the nesting is made, listed, refused twice, undone and audited', async () => {
        const child = await newGroup(`Child ${connection}`);
        const parent = await newGroup(`Parent ${connection}`);
        expect(await act(connection, 'add-nested-group', { groupId: child, parentGroupId: parent })).toMatchObject({
            id: `${child}:${parent}`,
            groupId: child,
            parentGroupId: parent,
            parentGroupName: `Parent ${connection}`,
        });
        const stored = (await read(`/groups/${child}/memberOfGroups`)) as { _embedded: { groupMemberships: Output[] } };
        expect(stored._embedded.groupMemberships.map((nesting) => nesting.id)).toEqual([parent]);

        expect((await refusal(connection, 'add-nested-group', { groupId: child, parentGroupId: parent })).payload).toMatchObject({ code: 'already_nested' });
        // A cycle is refused: PingOne documents none.
        expect((await refusal(connection, 'add-nested-group', { groupId: parent, parentGroupId: child })).payload).toMatchObject({ code: 'invalid_request' });

        expect((await act<Listed<'parents'>>(connection, 'list-nested-groups', { groupId: child })).parents.map((nesting) => nesting['parentGroupId'])).toEqual(
            [parent],
        );
        expect(await act(connection, 'remove-nested-group', { groupId: child, parentGroupId: parent })).toEqual({ id: `${child}:${parent}`, removed: true });
        expect(((await read(`/groups/${child}/memberOfGroups`)) as { _embedded: { groupMemberships: Output[] } })._embedded.groupMemberships).toEqual([]);
        expect(await auditedTypes(child)).toEqual(expect.arrayContaining(['GROUP_NESTING.CREATED', 'GROUP_NESTING.DELETED']));
    });

    it('assign-group-role, list-group-role-assignments, remove-group-role-assignment', async () => {
        const groupId = await newGroup(`Admins ${connection}`);
        const roles = await act<Listed<'roles'>>(connection, 'list-roles', {});
        const helpDesk = roles.roles.find((role) => role['name'] === 'Help Desk Admin')!;
        const assigned = await act(connection, 'assign-group-role', { groupId, roleId: helpDesk.id });
        expect(assigned).toMatchObject({ groupId, roleId: helpDesk.id, scopeType: 'ENVIRONMENT', scopeId: world.emulator.environmentId });
        const stored = (await read(`/groups/${groupId}/roleAssignments`)) as { _embedded: { roleAssignments: Output[] } };
        expect(stored._embedded.roleAssignments.map((assignment) => assignment.id)).toEqual([assigned.id]);

        const listed = await act<Listed<'roleAssignments'>>(connection, 'list-group-role-assignments', { groupId });
        expect(listed.roleAssignments).toEqual([expect.objectContaining({ id: assigned.id, groupId, roleId: helpDesk.id })]);

        expect(await act(connection, 'remove-group-role-assignment', { groupId, roleAssignmentId: assigned.id })).toEqual({ id: assigned.id, removed: true });
        expect(((await read(`/groups/${groupId}/roleAssignments`)) as { _embedded: { roleAssignments: Output[] } })._embedded.roleAssignments).toEqual([]);
        expect(await auditedTypes(groupId)).toEqual(expect.arrayContaining(['ROLE_ASSIGNMENT.CREATED', 'ROLE_ASSIGNMENT.DELETED']));
    });

    it('get-application-access and set-application-access: admin-only and group rules are set, kept, lifted, and the rest of the app is untouched', async () => {
        const created = await api('POST', '/applications', {
            name: `Portal ${connection}`,
            protocol: 'OPENID_CONNECT',
            type: 'WEB_APP',
            tokenEndpointAuthMethod: 'CLIENT_SECRET_POST',
            redirectUris: ['https://portal.example/callback'],
        });
        const applicationId = String(created.body['id']);
        expect(await act(connection, 'get-application-access', { applicationId })).toEqual({ applicationId, adminUsersOnly: false, groupIds: [] });

        const [first, second] = world.emulator.admin.directory().groups.map((group) => String(group['id']));
        const set = await act(connection, 'set-application-access', {
            applicationId,
            adminUsersOnly: true,
            groups: { rule: 'ANY_GROUP', groupIds: [first, second] },
        });
        expect(set).toEqual({ applicationId, adminUsersOnly: true, groupRule: 'ANY_GROUP', groupIds: [first, second] });
        const stored = await read(`/applications/${applicationId}`);
        expect(stored['accessControl']).toEqual({ role: { type: 'ADMIN_USERS_ONLY' }, group: { type: 'ANY_GROUP', groups: [{ id: first }, { id: second }] } });
        expect(stored['redirectUris']).toEqual(['https://portal.example/callback']);

        // Only what is given changes: the group rule stays while admin-only is lifted.
        expect(await act(connection, 'set-application-access', { applicationId, adminUsersOnly: false })).toEqual({
            applicationId,
            adminUsersOnly: false,
            groupRule: 'ANY_GROUP',
            groupIds: [first, second],
        });
        expect(await act(connection, 'set-application-access', { applicationId, groups: null })).toEqual({
            applicationId,
            adminUsersOnly: false,
            groupIds: [],
        });
        expect(await auditedTypes(applicationId)).toContain('APPLICATION.UPDATED');

        const unknownGroup = await refusal(connection, 'set-application-access', {
            applicationId,
            groups: { rule: 'ALL_GROUPS', groupIds: ['00000000-0000-4000-8000-000000000000'] },
        });
        expect(unknownGroup.payload).toMatchObject({ code: 'invalid_request', pingone: { status: 400 } });
    });

    it('check-application-access: a member of the group (directly or through a nested group) may sign on, others are told why not; admin-only needs a role', async () => {
        const allowedGroup = await newGroup(`Portal users ${connection}`);
        const nested = await newGroup(`Portal contractors ${connection}`);
        expect((await api('POST', `/groups/${nested}/memberOfGroups`, { id: allowedGroup })).status).toBe(201);
        const application = await api('POST', '/applications', {
            name: `Checked ${connection}`,
            protocol: 'OPENID_CONNECT',
            type: 'WEB_APP',
            tokenEndpointAuthMethod: 'CLIENT_SECRET_POST',
            accessControl: { group: { type: 'ANY_GROUP', groups: [{ id: allowedGroup }] } },
        });
        const applicationId = String(application.body['id']);
        const [direct, indirect, outsider] = [13, 14, 15].map((n) => String(world.emulator.admin.users.at(n)!['id']));
        world.emulator.admin.users.setGroups(direct!, [allowedGroup]);
        world.emulator.admin.users.setGroups(indirect!, [nested]);
        world.emulator.admin.users.setGroups(outsider!, []);

        expect(await act(connection, 'check-application-access', { applicationId, userId: direct })).toEqual({
            applicationId,
            userId: direct,
            allowed: true,
            reasons: [],
        });
        expect(await act(connection, 'check-application-access', { applicationId, userId: indirect })).toMatchObject({ allowed: true });
        const refused = await act(connection, 'check-application-access', { applicationId, userId: outsider });
        expect(refused).toMatchObject({ allowed: false, reasons: [expect.stringContaining(allowedGroup)] });

        await act(connection, 'set-application-access', { applicationId, adminUsersOnly: true });
        expect(await act(connection, 'check-application-access', { applicationId, userId: direct })).toMatchObject({
            allowed: false,
            reasons: [expect.stringContaining('admin role')],
        });
        // A role held through a group makes its members admins.
        const roles = await act<Listed<'roles'>>(connection, 'list-roles', {});
        const helpDesk = roles.roles.find((role) => role['name'] === 'Help Desk Admin')!;
        await act(connection, 'assign-group-role', { groupId: allowedGroup, roleId: helpDesk.id });
        expect(await act(connection, 'check-application-access', { applicationId, userId: indirect })).toMatchObject({ allowed: true, reasons: [] });
    });

    it("list-application-role-assignments lists the Worker app's own roles", async () => {
        const listed = await act<Listed<'roleAssignments'>>(connection, 'list-application-role-assignments', { applicationId: world.emulator.worker.clientId });
        const stored = (await read(`/applications/${world.emulator.worker.clientId}/roleAssignments`)) as { _embedded: { roleAssignments: Output[] } };
        expect(listed.roleAssignments.map((assignment) => assignment.id).sort()).toEqual(
            stored._embedded.roleAssignments.map((assignment) => assignment.id).sort(),
        );
        expect(listed.roleAssignments[0]).toMatchObject({ applicationId: world.emulator.worker.clientId });
    });

    it('list-linked-accounts and unlink-account: the link is listed, removed once, and its repeat is not_found', async () => {
        const provider = await api('POST', '/identityProviders', { name: `Social ${connection}`, type: 'GOOGLE', enabled: true });
        const userId = String(world.emulator.admin.users.at(12)!['id']);
        const linked = await api(
            'POST',
            `/users/${userId}/linkedAccounts`,
            { identityProvider: { id: provider.body['id'] }, externalId: `ext-${connection}` },
            'application/vnd.pingidentity.account.link+json',
        );
        expect(linked.status).toBe(201);
        const linkId = String(linked.body['id']);

        const listed = await act<Listed<'linkedAccounts'>>(connection, 'list-linked-accounts', { userId });
        expect(listed.linkedAccounts).toEqual([
            {
                id: linkId,
                userId,
                identityProviderId: provider.body['id'],
                externalId: `ext-${connection}`,
                environmentId: world.emulator.environmentId,
                createdAt: expect.any(String),
                updatedAt: expect.any(String),
            },
        ]);

        expect(await act(connection, 'unlink-account', { userId, linkedAccountId: linkId })).toEqual({ id: linkId, removed: true });
        expect(((await read(`/users/${userId}/linkedAccounts`)) as { _embedded: { linkedAccounts: Output[] } })._embedded.linkedAccounts).toEqual([]);
        expect(await auditedTypes(linkId)).toEqual(['LINKED_ACCOUNT.CREATED', 'LINKED_ACCOUNT.DELETED']);
        expect((await refusal(connection, 'unlink-account', { userId, linkedAccountId: linkId })).payload).toMatchObject({ code: 'not_found' });
    });
});

describe("the emulator applies an application's access control at sign-on", () => {
    it('a user outside the required group is refused (access_denied) until set-application-access or membership admits them', async () => {
        const redirectUris = ['http://127.0.0.1/portal/callback'];
        const app = world.emulator.admin.createApplication({ type: 'WEB_APP', grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN'], redirectUris });
        const signOn = () => signOnTokens(world.emulator, { ...app, redirectUris }, 'openid');
        await signOn();

        const group = await newGroup('Portal sign-on');
        await act('cc', 'set-application-access', { applicationId: app.clientId, groups: { rule: 'ANY_GROUP', groupIds: [group] } });
        await expect(signOn()).rejects.toThrow(/no code/);

        world.emulator.admin.users.setGroups(world.emulator.signOnUser.id, [group]);
        await signOn();
        world.emulator.admin.users.setGroups(world.emulator.signOnUser.id, []);
    });

    it('admin users only: a user holding no role is refused; a role held through their group admits them', async () => {
        const redirectUri = 'http://127.0.0.1/admins/callback';
        const app = world.emulator.admin.createApplication({ type: 'WEB_APP', grantTypes: ['AUTHORIZATION_CODE'], redirectUris: [redirectUri] });
        await act('cc', 'set-application-access', { applicationId: app.clientId, adminUsersOnly: true });
        const password = 'Gr0up-Admin-Passw0rd!';
        const user = await act('cc', 'create-user', { username: 'group.admin', email: 'group.admin@example.com', password: { value: password } });
        const signOn = async () => {
            const form = new URLSearchParams({
                response_type: 'code',
                client_id: app.clientId,
                redirect_uri: redirectUri,
                scope: 'openid',
                state: 's',
                username: 'group.admin',
                password,
            });
            const answer = await fetch(`${world.emulator.url}/${world.emulator.environmentId}/as/authorize`, {
                method: 'POST',
                body: form,
                redirect: 'manual',
            });
            return new URL(answer.headers.get('location') ?? '').searchParams;
        };
        expect((await signOn()).get('error')).toBe('access_denied');

        const group = await newGroup('Group admins');
        world.emulator.admin.users.setGroups(user.id, [group]);
        const roles = await act<Listed<'roles'>>('cc', 'list-roles', {});
        await act('cc', 'assign-group-role', { groupId: group, roleId: roles.roles.find((role) => role['name'] === 'Help Desk Admin')!.id });
        expect((await signOn()).get('code')).toEqual(expect.any(String));
    });
});

describe('the new actions check their IDs before any request', () => {
    it.each([
        ['add-nested-group', { groupId: '../x', parentGroupId: '00000000-0000-4000-8000-000000000000' }, 'groupId'],
        ['unlink-account', { userId: '00000000-0000-4000-8000-000000000000', linkedAccountId: 'x?y' }, 'linkedAccountId'],
        ['list-group-role-assignments', { groupId: 'nope' }, 'groupId'],
        [
            'set-application-access',
            { applicationId: '00000000-0000-4000-8000-000000000000', groups: { rule: 'ANY_GROUP', groupIds: ['bad'] } },
            'groups.groupIds.0',
        ],
    ])('%s', async (action, input, field) => {
        const before = world.emulator.admin.stats().requests;
        const error = await refusal('cc', action, input);
        expect(error.payload).toMatchObject({ code: 'invalid_input', field });
        expect(world.emulator.admin.stats().requests).toBe(before);
    });
});
