// PingOne's role rules: who may assign which role ("Can Assign",
// https://developer.pingidentity.com/pingone-api/platform/roles/predefined-roles.html), and roles granted
// at POPULATION scope.
import { describe, expect, it } from 'vitest';
import { emulatorForFile } from './fixture.js';
import { call, tokenFor } from './http.js';

const fixture = emulatorForFile({ users: 30, seed: 'role-rules' });
const env = () => `/v1/environments/${fixture.emulator.environmentId}`;

function tokenOf(app: { clientId: string; clientSecret: string }): Promise<string> {
    return tokenFor(fixture.emulator, app.clientId, app.clientSecret);
}

async function roleId(name: string): Promise<string> {
    const roles = await call(fixture.emulator, 'GET', '/v1/roles', { token: fixture.token });
    return String((roles.body._embedded.roles as Array<{ id: string; name: string }>).find((role) => role.name === name)?.id);
}

function assign(token: string, userId: string, role: string, scope = { type: 'ENVIRONMENT', id: fixture.emulator.environmentId }) {
    return call(fixture.emulator, 'POST', `${env()}/users/${userId}/roleAssignments`, { token, json: { role: { id: role }, scope } });
}

describe('Can Assign', () => {
    it('lets an Identity Data Admin assign Identity Data Read Only and Help Desk Admin, and nothing beyond its column', async () => {
        const token = await tokenOf(fixture.emulator.admin.createApplication({ roles: ['Identity Data Admin'] }));
        const userId = String(fixture.emulator.admin.users.at(1)?.id);
        expect((await assign(token, userId, await roleId('Identity Data Read Only'))).status).toBe(201);
        expect((await assign(token, userId, await roleId('Help Desk Admin'))).status).toBe(201);
        const refused = await assign(token, userId, await roleId('Environment Admin'));
        expect(refused.status).toBe(403);
        expect(refused.body).toMatchObject({ code: 'ACCESS_FAILED', details: [{ code: 'INSUFFICIENT_PERMISSIONS' }] });
        expect(refused.body.details[0].message).toContain('Environment Admin');
    });

    it('lets an Environment Admin assign every role except Organization Admin', async () => {
        const token = await tokenOf(fixture.emulator.admin.createApplication({ roles: ['Environment Admin'] }));
        const userId = String(fixture.emulator.admin.users.at(2)?.id);
        expect((await assign(token, userId, await roleId('Client Application Developer'))).status).toBe(201);
        const organization = { type: 'ORGANIZATION', id: fixture.emulator.organizationId };
        const refused = await assign(token, userId, await roleId('Organization Admin'), organization);
        expect(refused.status).toBe(403);
    });
});

describe('POPULATION-scoped roles', () => {
    it('allow calls on users of that population and refuse users of another', async () => {
        const { populations } = fixture.emulator.admin.directory();
        const employees = String(populations.find((population) => population.name === 'Employees')?.id);
        const token = await tokenOf(
            fixture.emulator.admin.createApplication({ roles: [{ role: 'Identity Data Read Only', scope: { populationId: employees } }] }),
        );
        const users = Array.from({ length: 30 }, (_, position) => fixture.emulator.admin.users.at(position)).filter((user) => user !== undefined);
        const inside = users.find((user) => (user.population as { id: string }).id === employees);
        const outside = users.find((user) => (user.population as { id: string }).id !== employees);
        expect(inside && outside).toBeTruthy();
        expect((await call(fixture.emulator, 'GET', `${env()}/users/${String(inside?.id)}`, { token })).status).toBe(200);
        expect((await call(fixture.emulator, 'GET', `${env()}/users/${String(outside?.id)}`, { token })).status).toBe(403);
        expect((await call(fixture.emulator, 'GET', `${env()}/populations/${employees}`, { token })).status).toBe(200);
    });

    it('list the users and audit events their filter confines to that population, and no list beyond it', async () => {
        const { populations } = fixture.emulator.admin.directory();
        const employees = String(populations.find((population) => population.name === 'Employees')?.id);
        const other = String(populations.find((population) => population.name !== 'Employees')?.id);
        const token = await tokenOf(
            fixture.emulator.admin.createApplication({ roles: [{ role: 'Identity Data Read Only', scope: { populationId: employees } }] }),
        );
        const list = (path: string, filter?: string) =>
            call(fixture.emulator, 'GET', `${env()}/${path}${filter === undefined ? '' : `?filter=${encodeURIComponent(filter)}`}`, { token });
        const confined = await list('users', `population.id eq "${employees}"`);
        expect(confined.status).toBe(200);
        const listed = confined.body._embedded.users as Array<{ population: { id: string } }>;
        expect(listed.length).toBeGreaterThan(0);
        expect(listed.every((user) => user.population.id === employees)).toBe(true);
        expect((await list('users', `population.id eq "${employees}" and enabled eq true`)).status).toBe(200);
        expect((await list('users')).status).toBe(403);
        expect((await list('users', `population.id eq "${other}"`)).status).toBe(403);
        expect((await list('users', `population.id eq "${employees}" or population.id eq "${other}"`)).status).toBe(403);
        expect((await list('populations')).status).toBe(403);
        const range = 'recordedAt gt "2000-01-01T00:00:00Z"';
        expect((await list('activities', `${range} and resources.type eq "USER" and resources.population.id eq "${employees}"`)).status).toBe(200);
        expect((await list('activities', `${range} and resources.type eq "USER"`)).status).toBe(403);
        expect((await list('activities', `${range} and resources.population.id eq "${other}"`)).status).toBe(403);
    });
});
