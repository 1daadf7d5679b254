import { describe, expect, it } from 'vitest';
import { emulatorForFile } from './fixture.js';
import { call, collectPages } from './http.js';

describe('emulator: groups, populations, memberships, filters', () => {
    const fixture = emulatorForFile({ users: 150 });

    const env = () => `/v1/environments/${fixture.emulator.environmentId}`;
    const filtered = async (filter: string) =>
        (await collectPages(fixture.emulator, `${env()}/users?limit=200&filter=${encodeURIComponent(filter)}`, 'users', fixture.token)).items;

    it('filters users with eq, sw, and, or and parentheses, case-insensitively', async () => {
        const all = (await collectPages(fixture.emulator, `${env()}/users?limit=200`, 'users', fixture.token)).items;
        const sample = all[7];
        expect((await filtered(`username eq "${sample.username.toUpperCase()}"`)).map((user) => user.id)).toEqual([sample.id]);
        // Attribute names are case-insensitive too (RFC 7644 section 3.4.2.2).
        expect((await filtered(`userName eq "${sample.username}" and NAME.Family eq "${sample.name.family}"`)).map((user) => user.id)).toEqual([sample.id]);
        const family = sample.name.family as string;
        const byFamily = await filtered(`name.family sw "${family.slice(0, 3)}"`);
        expect(byFamily.length).toBe(all.filter((user) => user.name?.family?.toLowerCase().startsWith(family.slice(0, 3).toLowerCase())).length);
        const combined = await filtered(`(name.family eq "${family}") and (enabled eq true or population.id eq "${sample.population.id}")`);
        expect(combined.every((user) => user.name.family === family)).toBe(true);
        expect(combined.length).toBeGreaterThan(0);
        const disabled = await filtered('enabled eq false');
        expect(disabled.length).toBeGreaterThan(0);
        expect(disabled.every((user) => user.enabled === false)).toBe(true);
    });

    it('filters users of a group with memberOfGroups[id eq "…"], matching the memberships endpoint', async () => {
        const groups = await call(fixture.emulator, 'GET', `${env()}/groups`, { token: fixture.token });
        const group = groups.body._embedded.groups.find((candidate: { name: string }) => candidate.name === 'Engineering');
        const members = await filtered(`memberOfGroups[id eq "${group.id}"]`);
        expect(members.length).toBeGreaterThan(5);
        const memberships = await call(fixture.emulator, 'GET', `${env()}/users/${members[0].id}/memberOfGroups?expand=group`, { token: fixture.token });
        const item = memberships.body._embedded.groupMemberships.find((membership: { id: string }) => membership.id === group.id);
        expect(item).toMatchObject({ id: group.id, name: 'Engineering', type: 'DIRECT' });
        expect(item._embedded.group).toMatchObject({ id: group.id, name: 'Engineering' });
        const detail = await call(fixture.emulator, 'GET', `${env()}/groups/${group.id}?include=totalMemberCounts`, { token: fixture.token });
        expect(detail.body.totalMemberCounts.users).toBe(members.length);
    });

    it('refuses range operators and unknown attributes on users with INVALID_FILTER', async () => {
        for (const filter of ['updatedAt gt "2024-01-01T00:00:00Z"', 'createdAt ge "2024"', 'shoeSize eq "9"', 'username eq', '(username eq "a"']) {
            const result = await call(fixture.emulator, 'GET', `${env()}/users?filter=${encodeURIComponent(filter)}`, { token: fixture.token });
            expect(result.status, filter).toBe(400);
            expect(result.body.code).toBe('INVALID_DATA');
            expect(result.body.details[0].code).toBe('INVALID_FILTER');
        }
    });

    it('keeps the filter across pages of a filtered listing and refuses a cursor reused with another filter', async () => {
        const page = await call(fixture.emulator, 'GET', `${env()}/users?limit=5&filter=${encodeURIComponent('enabled eq true')}`, { token: fixture.token });
        const next = new URL(page.body._links.next.href);
        expect(next.searchParams.get('filter')).toBe('enabled eq true');
        next.searchParams.set('filter', 'enabled eq false');
        const mixed = await call(fixture.emulator, 'GET', next.toString().replace(/^https?:\/\/[^/]+/, ''), { token: fixture.token });
        expect(mixed.status).toBe(400);
    });

    it('adds and removes group memberships (201 / 204) and records both in the audit log', async () => {
        const user = (await call(fixture.emulator, 'POST', `${env()}/users`, { token: fixture.token, json: { username: 'member', email: 'm@example.com' } }))
            .body;
        const group = (await call(fixture.emulator, 'POST', `${env()}/groups`, { token: fixture.token, json: { name: 'Testers', description: 'QA' } })).body;
        const added = await call(fixture.emulator, 'POST', `${env()}/users/${user.id}/memberOfGroups`, { token: fixture.token, json: { id: group.id } });
        expect(added.status).toBe(201);
        expect(added.body).toMatchObject({ id: group.id, name: 'Testers', type: 'DIRECT' });
        const twice = await call(fixture.emulator, 'POST', `${env()}/users/${user.id}/memberOfGroups`, { token: fixture.token, json: { id: group.id } });
        expect(twice.body.details[0].code).toBe('UNIQUENESS_VIOLATION');
        const members = await filtered(`memberOfGroups[id eq "${group.id}"]`);
        expect(members.map((member) => member.id)).toEqual([user.id]);
        const removed = await call(fixture.emulator, 'DELETE', `${env()}/users/${user.id}/memberOfGroups/${group.id}`, { token: fixture.token });
        expect(removed.status).toBe(204);
        const again = await call(fixture.emulator, 'DELETE', `${env()}/users/${user.id}/memberOfGroups/${group.id}`, { token: fixture.token });
        expect(again.status).toBe(404);
    });

    it('serves groups: create, uniqueness, read, PUT, PATCH, delete (memberships go with the group)', async () => {
        const created = await call(fixture.emulator, 'POST', `${env()}/groups`, { token: fixture.token, json: { name: 'Ops', externalId: 'ops-1' } });
        expect(created.status).toBe(201);
        expect(created.headers.location).toBe(created.body._links.self.href);
        const dup = await call(fixture.emulator, 'POST', `${env()}/groups`, { token: fixture.token, json: { name: 'ops' } });
        expect(dup.body.details[0]).toMatchObject({ code: 'UNIQUENESS_VIOLATION', innerError: { existingId: created.body.id } });
        const patched = await call(fixture.emulator, 'PATCH', `${env()}/groups/${created.body.id}`, {
            token: fixture.token,
            json: { description: 'Operations' },
        });
        expect(patched.body).toMatchObject({ name: 'Ops', externalId: 'ops-1', description: 'Operations' });
        const put = await call(fixture.emulator, 'PUT', `${env()}/groups/${created.body.id}`, { token: fixture.token, json: { name: 'Ops' } });
        expect(put.body.description).toBeUndefined();
        const byName = await call(fixture.emulator, 'GET', `${env()}/groups?filter=${encodeURIComponent('name sw "op"')}`, { token: fixture.token });
        expect(byName.body._embedded.groups.map((group: { id: string }) => group.id)).toContain(created.body.id);
        const user = (
            await call(fixture.emulator, 'POST', `${env()}/users`, { token: fixture.token, json: { username: 'ops.member', email: 'o@example.com' } })
        ).body;
        await call(fixture.emulator, 'POST', `${env()}/users/${user.id}/memberOfGroups`, { token: fixture.token, json: { id: created.body.id } });
        expect((await call(fixture.emulator, 'DELETE', `${env()}/groups/${created.body.id}`, { token: fixture.token })).status).toBe(204);
        const memberships = await call(fixture.emulator, 'GET', `${env()}/users/${user.id}/memberOfGroups`, { token: fixture.token });
        expect(memberships.body._embedded.groupMemberships).toEqual([]);
        expect((await call(fixture.emulator, 'GET', `${env()}/groups/${created.body.id}`, { token: fixture.token })).status).toBe(404);
    });

    it('serves populations with user counts, and refuses deleting the default one or one with users', async () => {
        const list = await call(fixture.emulator, 'GET', `${env()}/populations`, { token: fixture.token });
        expect(list.body.count).toBe(4);
        const defaultPopulation = list.body._embedded.populations.find((population: { default: boolean }) => population.default);
        const detail = await call(fixture.emulator, 'GET', `${env()}/populations/${defaultPopulation.id}`, { token: fixture.token });
        expect(detail.body.userCount).toBeGreaterThan(0);
        const refused = await call(fixture.emulator, 'DELETE', `${env()}/populations/${defaultPopulation.id}`, { token: fixture.token });
        expect(refused.body.details[0].code).toBe('CONSTRAINT_VIOLATION');
        const created = await call(fixture.emulator, 'POST', `${env()}/populations`, {
            token: fixture.token,
            json: { name: 'Alumni', description: 'Former staff' },
        });
        expect(created.status).toBe(201);
        expect((await call(fixture.emulator, 'DELETE', `${env()}/populations/${created.body.id}`, { token: fixture.token })).status).toBe(204);
    });

    it('lists environments at organization level with id/name filters, and reads one', async () => {
        const list = await call(fixture.emulator, 'GET', '/v1/environments', { token: fixture.token });
        expect(list.body._embedded.environments.map((environment: { name: string }) => environment.name)).toEqual(['Production', 'Sandbox']);
        const filteredList = await call(fixture.emulator, 'GET', `/v1/environments?filter=${encodeURIComponent('name sw "Sand"')}`, { token: fixture.token });
        expect(filteredList.body._embedded.environments).toHaveLength(1);
        const one = await call(fixture.emulator, 'GET', env(), { token: fixture.token });
        expect(one.body).toMatchObject({
            id: fixture.emulator.environmentId,
            region: 'NA',
            type: 'PRODUCTION',
            organization: { id: fixture.emulator.organizationId },
        });
    });

    it('lists the built-in roles with any valid token', async () => {
        const noRoles = fixture.emulator.admin.createApplication();
        const { tokenFor } = await import('./http.js');
        const bare = await tokenFor(fixture.emulator, noRoles.clientId, noRoles.clientSecret);
        const roles = await call(fixture.emulator, 'GET', '/v1/roles', { token: bare });
        expect(roles.status).toBe(200);
        const names = roles.body._embedded.roles.map((role: { name: string }) => role.name);
        expect(names).toEqual(expect.arrayContaining(['Environment Admin', 'Identity Data Admin', 'Identity Data Read Only', 'Organization Admin']));
        const one = await call(fixture.emulator, 'GET', `/v1/roles/${roles.body._embedded.roles[0].id}`, { token: bare });
        expect(one.body.name).toBe(names[0]);
    });
});
