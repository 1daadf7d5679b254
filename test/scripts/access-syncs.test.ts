// The configuration and nesting syncs, and the populations sync's updates and deletes: run through
// the harness against the emulator for both integrations; what changes in the emulator between runs
// (made with plain API calls of the seeded Worker app) is added, updated or deleted in the store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { connectWorker, expectSuccess, INTEGRATION_CONNECTIONS, liveRecords, openScriptsWorld, workerApi, type ScriptsWorld } from './world.js';

let world: ScriptsWorld;
beforeAll(async () => {
    world = await openScriptsWorld();
});
afterAll(async () => world?.close());

type Row = Record<string, unknown> & { id: string };

/** A call that must succeed; its answer's body. */
async function api(method: string, path: string, body?: unknown): Promise<Row> {
    const answer = await workerApi(world, method, path, body);
    if (answer.status >= 300) throw new Error(`${method} ${path}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body as Row;
}

/** Runs the sync and returns its records by ID. */
async function synced(connection: string, sync: string, model: string): Promise<Map<string, Row>> {
    expectSuccess(await world.harness.runSync(connection, sync));
    return new Map(liveRecords<Row>(world.harness, connection, model).map((record) => [record.id, record]));
}

describe.each(INTEGRATION_CONNECTIONS)('$integration configuration syncs', ({ connection }) => {
    it("sign-on-policies: the environment's policies, the default marked; a renamed policy is updated and a deleted one deleted", async () => {
        const seeded = await api('GET', '/signOnPolicies');
        const policies = (seeded['_embedded'] as { signOnPolicies: Row[] }).signOnPolicies;
        const created = await api('POST', '/signOnPolicies', { name: `MFA_${connection}`, description: 'second factor' });

        let records = await synced(connection, 'sign-on-policies', 'SignOnPolicy');
        expect([...records.keys()].sort()).toEqual([...policies.map((policy) => policy.id), created.id].sort());
        expect(records.get(policies.find((policy) => policy['default'] === true)!.id)).toMatchObject({ name: 'Single_Factor', isDefault: true });
        expect(records.get(created.id)).toMatchObject({ name: `MFA_${connection}`, description: 'second factor', isDefault: false });

        await api('PUT', `/signOnPolicies/${created.id}`, { name: `MFA_${connection}_renamed` });
        records = await synced(connection, 'sign-on-policies', 'SignOnPolicy');
        expect(records.get(created.id)).toMatchObject({ name: `MFA_${connection}_renamed` });
        expect(records.get(created.id)?.['description']).toBeUndefined();

        await api('DELETE', `/signOnPolicies/${created.id}`);
        records = await synced(connection, 'sign-on-policies', 'SignOnPolicy');
        expect(records.has(created.id)).toBe(false);
    });

    it('identity-providers: added, updated (disabled) and deleted', async () => {
        const created = await api('POST', '/identityProviders', { name: `Google ${connection}`, type: 'GOOGLE', enabled: true });
        let records = await synced(connection, 'identity-providers', 'IdentityProvider');
        expect(records.get(created.id)).toMatchObject({
            name: `Google ${connection}`,
            type: 'GOOGLE',
            enabled: true,
            environmentId: world.emulator.environmentId,
        });

        await api('PUT', `/identityProviders/${created.id}`, { name: `Google ${connection}`, type: 'GOOGLE', enabled: false });
        records = await synced(connection, 'identity-providers', 'IdentityProvider');
        expect(records.get(created.id)).toMatchObject({ enabled: false });

        await api('DELETE', `/identityProviders/${created.id}`);
        records = await synced(connection, 'identity-providers', 'IdentityProvider');
        expect(records.has(created.id)).toBe(false);
    });

    it('custom-roles: a custom role with its permissions and assigners; changed and deleted', async () => {
        const roles = (await (
            await fetch(`${world.emulator.url}/v1/roles`, { headers: { authorization: `Bearer ${await world.emulator.workerToken()}` } })
        ).json()) as {
            _embedded: { roles: Row[] };
        };
        const environmentAdmin = roles._embedded.roles.find((role) => role['name'] === 'Environment Admin')!;
        const body = {
            name: `Auditor ${connection}`,
            permissions: [{ id: 'audit_reporting:read:activity' }],
            canBeAssignedBy: [{ id: environmentAdmin.id }],
        };
        const created = await api('POST', '/roles', body);
        let records = await synced(connection, 'custom-roles', 'CustomRole');
        expect(records.get(created.id)).toEqual({
            id: created.id,
            environmentId: world.emulator.environmentId,
            name: `Auditor ${connection}`,
            type: 'CUSTOM',
            applicableTo: ['ENVIRONMENT'],
            permissionIds: ['audit_reporting:read:activity'],
            canBeAssignedByRoleIds: [environmentAdmin.id],
        });

        await api('PUT', `/roles/${created.id}`, { ...body, description: 'reads the audit log' });
        records = await synced(connection, 'custom-roles', 'CustomRole');
        expect(records.get(created.id)).toMatchObject({ description: 'reads the audit log' });

        await api('DELETE', `/roles/${created.id}`);
        records = await synced(connection, 'custom-roles', 'CustomRole');
        expect(records.has(created.id)).toBe(false);
    });

    it('group-nesting: `<groupId>:<parentGroupId>` records; an undone nesting and a deleted parent are deleted on the next run', async () => {
        const child = await api('POST', '/groups', { name: `Nested ${connection}` });
        const parent = await api('POST', '/groups', { name: `Outer ${connection}` });
        const other = await api('POST', '/groups', { name: `Other ${connection}` });
        await api('POST', `/groups/${child.id}/memberOfGroups`, { id: parent.id });
        await api('POST', `/groups/${child.id}/memberOfGroups`, { id: other.id });

        let records = await synced(connection, 'group-nesting', 'GroupNesting');
        expect(records.get(`${child.id}:${parent.id}`)).toEqual({
            id: `${child.id}:${parent.id}`,
            groupId: child.id,
            parentGroupId: parent.id,
            parentGroupName: `Outer ${connection}`,
            type: 'DIRECT',
        });
        expect(records.has(`${child.id}:${other.id}`)).toBe(true);

        await api('DELETE', `/groups/${child.id}/memberOfGroups/${parent.id}`);
        await api('DELETE', `/groups/${other.id}`);
        records = await synced(connection, 'group-nesting', 'GroupNesting');
        expect(records.has(`${child.id}:${parent.id}`)).toBe(false);
        expect(records.has(`${child.id}:${other.id}`)).toBe(false);
    });

    it('populations: a changed population is updated and a deleted one deleted on the next full scan', async () => {
        const created = await api('POST', '/populations', { name: `Interns ${connection}`, description: 'summer' });
        let records = await synced(connection, 'populations', 'Population');
        expect(records.get(created.id)).toMatchObject({ name: `Interns ${connection}`, description: 'summer' });

        await api('PUT', `/populations/${created.id}`, { name: `Interns ${connection}`, description: 'all year' });
        records = await synced(connection, 'populations', 'Population');
        expect(records.get(created.id)).toMatchObject({ description: 'all year' });

        await api('DELETE', `/populations/${created.id}`);
        const report = expectSuccess(await world.harness.runSync(connection, 'populations'));
        expect(report.counts.deleted).toBe(1);
        expect(liveRecords<Row>(world.harness, connection, 'Population').map((record) => record.id)).not.toContain(created.id);
    });
});

describe('the configuration syncs need Configuration Read Only or Environment Admin', () => {
    it('a Worker app holding Identity Data Admin alone is refused, and the error names the roles', async () => {
        const app = world.emulator.admin.createApplication({ roles: ['Identity Data Admin'] });
        await connectWorker(world, 'identity-only', app);
        const report = await world.harness.runSync('identity-only', 'sign-on-policies');
        expect(report.status).toBe('failed');
        const payload = (report.error as { payload: Record<string, unknown> }).payload;
        expect(payload).toMatchObject({ code: 'missing_role', pingone: { status: 403 } });
        expect(String(payload['message'])).toContain('Configuration Read Only or Environment Admin');
    });
});
