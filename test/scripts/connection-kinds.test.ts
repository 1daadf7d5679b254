// The two ways of connecting pingone (admin sign-on with a Worker app, self-service with an OIDC Web
// App), the scripts each can run, and the attribute and role rules the actions follow; all through the
// harness against the emulator over loopback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CATALOG, exportName, SELF_SERVICE_ACTIONS } from '../../connectors/shared/catalog.js';
import { liveRecords, openScriptsWorld, type ScriptsWorld } from './world.js';

let world: ScriptsWorld;
beforeAll(async () => {
    world = await openScriptsWorld({ users: 20 });
});
afterAll(async () => world?.close());

async function roleId(name: string): Promise<string> {
    const response = await fetch(`${world.emulator.url}/v1/roles`, { headers: { authorization: `Bearer ${await world.emulator.workerToken()}` } });
    const roles = ((await response.json()) as { _embedded: { roles: Array<{ id: string; name: string }> } })._embedded.roles;
    return String(roles.find((role) => role.name === name)?.id);
}

/** A client-credentials connection through a Worker app the test made. */
function connectWorker(name: string, app: { clientId: string; clientSecret: string }): Promise<unknown> {
    return world.harness.connections.create({
        name,
        provider: 'pingone-cc',
        config: { environmentId: world.emulator.environmentId, tld: world.emulator.tld },
        secrets: { clientId: app.clientId, clientSecret: app.clientSecret },
        authMethod: 'client_secret_post',
        emulatorUrl: world.emulator.url,
    });
}

describe('the catalogue', () => {
    it('lists as self-service exactly the scripts whose definitions run on self-service connections', async () => {
        for (const entry of CATALOG.filter((candidate) => candidate.kind !== 'on-events')) {
            const module = (await import(`../../connectors/shared/${entry.kind}/${entry.name}.ts`)) as Record<string, { kinds: readonly string[] }>;
            const expected = (SELF_SERVICE_ACTIONS as readonly string[]).includes(entry.name) ? ['self-service'] : ['admin'];
            expect(module[exportName(entry.name)]?.kinds, entry.name).toEqual(expected);
        }
    });
});

describe('self-service connection (OIDC Web App)', () => {
    it('runs the self-service actions on the signed-on user', async () => {
        const profile = await world.harness.runAction('self', 'get-my-profile', {});
        expect(profile.status).toBe('success');
        expect(profile.output).toMatchObject({ username: world.emulator.signOnUser.username });
        const updated = await world.harness.runAction('self', 'update-my-profile', { nickname: 'Emu', customAttributes: { department: 'Research' } });
        expect(updated.output).toMatchObject({ nickname: 'Emu', customAttributes: { department: 'Research' } });
        expect((await world.harness.runAction('self', 'get-my-password-state', {})).output).toMatchObject({ status: 'OK' });
        expect((await world.harness.runAction('self', 'list-my-mfa-devices', {})).status).toBe('success');
        expect((await world.harness.runAction('self', 'set-my-mfa-enabled', { enabled: true })).output).toMatchObject({ mfaEnabled: true });
        const { password } = world.emulator.signOnUser;
        const changed = await world.harness.runAction('self', 'change-my-password', { currentPassword: password, newPassword: `${password}-2` });
        expect(changed.status).toBe('success');
        expect(JSON.stringify(changed)).not.toContain(password);
    });

    it('refuses an admin sync or action before any request, naming the app type it needs', async () => {
        for (const report of [await world.harness.runSync('self', 'users'), await world.harness.runAction('self', 'list-users', {})]) {
            expect(report.status).toBe('failed');
            expect(report.error?.payload).toMatchObject({ code: 'wrong_connection_kind', kind: 'self-service' });
            expect(report.error?.message).toContain('WORKER');
            expect(report.requests).toBe(0);
        }
    });

    it('validate-connection says it is a self-service connection and what it can run', async () => {
        const logs = world.logs.length;
        const [report] = await world.harness.runOnEvent('self', 'validate-connection');
        expect(report?.status).toBe('success');
        expect(world.logs.slice(logs).join('\n')).toMatch(/Self-service connection .*get-my-profile/);
    });
});

describe('admin sign-on connection (Worker app, authorization code)', () => {
    it('refuses a self-service action before any request, naming the app type it needs', async () => {
        const report = await world.harness.runAction('web', 'get-my-profile', {});
        expect(report.status).toBe('failed');
        expect(report.error?.payload).toMatchObject({ code: 'wrong_connection_kind', kind: 'admin' });
        expect(report.error?.message).toContain('WEB_APP');
        expect(report.requests).toBe(0);
    });

    it('validate-connection says it is an admin connection', async () => {
        const logs = world.logs.length;
        const [report] = await world.harness.runOnEvent('web', 'validate-connection');
        expect(report?.status).toBe('success');
        expect(world.logs.slice(logs).join('\n')).toContain('Admin connection');
    });
});

describe('attributes: a typo is not a write', () => {
    it('update-user refuses an unknown attribute and an undeclared custom attribute, and writes a declared one', async () => {
        const user = world.emulator.admin.users.at(3);
        const id = String(user?.id);
        const typo = await world.harness.runAction('cc', 'update-user', { id, titel: 'x' });
        expect(typo.status).toBe('failed');
        const undeclared = await world.harness.runAction('cc', 'update-user', { id, customAttributes: { costCentre: '42' } });
        expect(undeclared.status).toBe('failed');
        expect(undeclared.error?.payload).toMatchObject({ code: 'invalid_input', field: 'customAttributes.costCentre' });
        expect(world.emulator.admin.users.get(id)).not.toHaveProperty('costCentre');
        const declared = await world.harness.runAction('cc', 'update-user', { id, customAttributes: { department: 'Finance' } });
        expect(declared.status).toBe('success');
        expect(world.emulator.admin.users.get(id)?.['department']).toBe('Finance');
    });
});

describe('assign-role follows Can Assign', () => {
    it('explains a refusal: the role, and who may assign it', async () => {
        const app = world.emulator.admin.createApplication({ roles: ['Identity Data Admin'] });
        await connectWorker('identity-admin', app);
        const userId = String(world.emulator.admin.users.at(4)?.id);
        const allowed = await world.harness.runAction('identity-admin', 'assign-role', { userId, roleId: await roleId('Identity Data Read Only') });
        expect(allowed.status).toBe('success');
        const refused = await world.harness.runAction('identity-admin', 'assign-role', { userId, roleId: await roleId('Environment Admin') });
        expect(refused.status).toBe('failed');
        expect(refused.error?.payload).toMatchObject({ code: 'role_not_assignable' });
        expect(refused.error?.message).toContain('Environment Admin');
        expect(refused.error?.message).toContain('Identity Data Admin may assign Identity Data Admin, Identity Data Read Only, Help Desk Admin');
    });
});

describe('a role granted for one population', () => {
    it("reads that population's users, and validate-connection says why it does not cover the syncs", async () => {
        const employees = String(world.emulator.admin.directory().populations.find((population) => population.name === 'Employees')?.id);
        const app = world.emulator.admin.createApplication({ roles: [{ role: 'Identity Data Read Only', scope: { populationId: employees } }] });
        await connectWorker('population-reader', app);
        const users = Array.from({ length: 20 }, (_, position) => world.emulator.admin.users.at(position)).filter((user) => user !== undefined);
        const inside = users.find((user) => (user.population as { id: string }).id === employees);
        expect((await world.harness.runAction('population-reader', 'get-user', { id: String(inside?.id) })).status).toBe('success');
        const [validation] = await world.harness.runOnEvent('population-reader', 'validate-connection');
        expect(validation?.status).toBe('failed');
        expect(validation?.error?.message).toContain('population');
    });
});

describe('a connection scoped to populations (metadata populationIds)', () => {
    it('passes validate-connection, syncs that population only, follows its changes, and drops a user moved out at the next full scan', async () => {
        const { populations } = world.emulator.admin.directory();
        const employees = String(populations.find((population) => population.name === 'Employees')?.id);
        const other = String(populations.find((population) => population.name !== 'Employees')?.id);
        const app = world.emulator.admin.createApplication({ roles: [{ role: 'Identity Data Read Only', scope: { populationId: employees } }] });
        await connectWorker('population-sync', app);
        const refused = await world.harness.runSync('population-sync', 'users');
        expect(refused.status).toBe('failed');
        expect((await world.harness.connections.test('population-sync')).hint).toContain('populationIds');
        world.harness.store.metadata.set('population-sync', { populationIds: [employees] });
        const [validation] = await world.harness.runOnEvent('population-sync', 'validate-connection');
        expect(validation?.status).toBe('success');
        expect(await world.harness.connections.test('population-sync')).toMatchObject({ ok: true, message: expect.stringContaining('scoped to 1 population') });
        world.harness.store.metadata.set('population-sync', { populationIds: [employees, other] });
        expect(await world.harness.connections.test('population-sync')).toMatchObject({ ok: false, message: expect.stringContaining(other) });
        world.harness.store.metadata.set('population-sync', { populationIds: [employees] });

        const inPopulation = () =>
            Array.from({ length: 20 }, (_, position) => world.emulator.admin.users.at(position))
                .filter((user) => user !== undefined && (user.population as { id: string }).id === employees)
                .map((user) => String(user?.id))
                .sort();
        const stored = () =>
            liveRecords<{ id: string; population?: { id: string } }>(world.harness, 'population-sync', 'User')
                .map((user) => user.id)
                .sort();
        expect((await world.harness.runSync('population-sync', 'users')).status).toBe('success');
        const first = inPopulation();
        expect(first.length).toBeGreaterThan(1);
        expect(stored()).toEqual(first);

        const [changed, moved] = first;
        expect((await world.harness.runAction('cc', 'update-user', { id: changed, title: 'Scoped' })).status).toBe('success');
        expect((await world.harness.runAction('cc', 'change-user-population', { id: moved, populationId: other })).status).toBe('success');
        // An incremental run reads the population's audit events: the change arrives.
        expect((await world.harness.runSync('population-sync', 'users')).status).toBe('success');
        const changedRecord = liveRecords<{ id: string; title?: string }>(world.harness, 'population-sync', 'User').find((user) => user.id === changed);
        expect(changedRecord?.title).toBe('Scoped');
        // The move is recorded against the user's new population; the next full scan does not see the user, reads them
        // again, is refused (outside the scope) while the scope still reads its population, and drops them.
        expect((await world.harness.runSync('population-sync', 'users', { full: true })).status).toBe('success');
        expect(stored()).toEqual(inPopulation());
        expect(stored()).not.toContain(moved);
    });
});
