import { describe, expect, it, onTestFinished } from 'vitest';
import { auditRateLimit } from '../../src/emulator/emulation.js';
import type { CreateApplicationOptions } from '../../src/emulator/index.js';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { emulatorForFile } from './fixture.js';
import { call, tokenFor } from './http.js';

describe('emulator: roles, applications, devices, audit', () => {
    const fixture = emulatorForFile();

    const env = () => `/v1/environments/${fixture.emulator.environmentId}`;

    async function appToken(roles: NonNullable<CreateApplicationOptions['roles']>) {
        const app = fixture.emulator.admin.createApplication({ roles });
        return tokenFor(fixture.emulator, app.clientId, app.clientSecret);
    }

    it('enforces the roles table: read-only can read, not write; missing roles get 403 INSUFFICIENT_PERMISSIONS', async () => {
        const readOnly = await appToken(['Identity Data Read Only']);
        expect((await call(fixture.emulator, 'GET', `${env()}/users?limit=1`, { token: readOnly })).status).toBe(200);
        expect((await call(fixture.emulator, 'GET', `${env()}/groups`, { token: readOnly })).status).toBe(200);
        const write = await call(fixture.emulator, 'POST', `${env()}/users`, { token: readOnly, json: { username: 'ro', email: 'ro@example.com' } });
        expect(write.status).toBe(403);
        expect(write.body).toMatchObject({ code: 'ACCESS_FAILED', details: [{ code: 'INSUFFICIENT_PERMISSIONS' }] });
        expect(write.body.details[0].message).toContain('Identity Data Admin');
        expect((await call(fixture.emulator, 'GET', `${env()}/applications`, { token: readOnly })).status).toBe(403);
        expect((await call(fixture.emulator, 'GET', '/v1/environments', { token: readOnly })).status).toBe(403);

        const appDev = await appToken(['Client Application Developer']);
        expect((await call(fixture.emulator, 'GET', `${env()}/applications`, { token: appDev })).status).toBe(200);
        expect((await call(fixture.emulator, 'GET', `${env()}/users`, { token: appDev })).status).toBe(403);

        const identityAdmin = await appToken(['Identity Data Admin']);
        const user = (await call(fixture.emulator, 'GET', `${env()}/users?limit=1`, { token: identityAdmin })).body._embedded.users[0];
        expect((await call(fixture.emulator, 'GET', `${env()}/users/${user.id}/roleAssignments`, { token: identityAdmin })).status).toBe(200);
        const roles = (await call(fixture.emulator, 'GET', '/v1/roles', { token: identityAdmin })).body._embedded.roles;
        const readOnlyRole = roles.find((role: { name: string }) => role.name === 'Identity Data Read Only');
        const assign = await call(fixture.emulator, 'POST', `${env()}/users/${user.id}/roleAssignments`, {
            token: identityAdmin,
            json: { role: { id: readOnlyRole.id }, scope: { id: fixture.emulator.environmentId, type: 'ENVIRONMENT' } },
        });
        expect(assign.status).toBe(403);

        // Environment Admin granted for another environment does not cover this one.
        const sandbox = (await call(fixture.emulator, 'GET', '/v1/environments', { token: fixture.token })).body._embedded.environments[1].id;
        const app = fixture.emulator.admin.createApplication();
        fixture.emulator.admin.setRoles(app.clientId, []);
        const other = await tokenFor(fixture.emulator, app.clientId, app.clientSecret);
        expect((await call(fixture.emulator, 'GET', `/v1/environments/${sandbox}/users`, { token: other })).status).toBe(403);
        const orgLevel = await appToken([{ role: 'Organization Admin', scope: 'organization' }]);
        expect((await call(fixture.emulator, 'GET', '/v1/environments', { token: orgLevel })).status).toBe(200);
    });

    it('creates and deletes user role assignments (Environment Admin), refusing a role at a scope it does not apply to', async () => {
        const user = (
            await call(fixture.emulator, 'POST', `${env()}/users`, { token: fixture.token, json: { username: 'roles.user', email: 'r@example.com' } })
        ).body;
        const roles = (await call(fixture.emulator, 'GET', '/v1/roles', { token: fixture.token })).body._embedded.roles;
        const role = (name: string) => roles.find((candidate: { name: string }) => candidate.name === name).id;
        const path = `${env()}/users/${user.id}/roleAssignments`;
        const created = await call(fixture.emulator, 'POST', path, {
            token: fixture.token,
            json: { role: { id: role('Identity Data Read Only') }, scope: { id: fixture.emulator.environmentId, type: 'ENVIRONMENT' } },
        });
        expect(created.status).toBe(201);
        expect(created.body).toMatchObject({ role: { id: role('Identity Data Read Only') }, scope: { type: 'ENVIRONMENT' }, readOnly: false });
        const wrongScope = await call(fixture.emulator, 'POST', path, {
            token: fixture.token,
            json: { role: { id: role('Organization Admin') }, scope: { id: fixture.emulator.environmentId, type: 'ENVIRONMENT' } },
        });
        expect(wrongScope.body.details[0].target).toBe('scope.type');
        const list = await call(fixture.emulator, 'GET', path, { token: fixture.token });
        expect(list.body._embedded.roleAssignments).toHaveLength(1);
        expect((await call(fixture.emulator, 'DELETE', `${path}/${created.body.id}`, { token: fixture.token })).status).toBe(204);
        const workerAssignments = await call(fixture.emulator, 'GET', `${env()}/applications/${fixture.emulator.worker.clientId}/roleAssignments`, {
            token: fixture.token,
        });
        expect(workerAssignments.body._embedded.roleAssignments.length).toBeGreaterThanOrEqual(2);
    });

    it('serves applications and rotates a secret while the previous one still works', async () => {
        const list = await call(fixture.emulator, 'GET', `${env()}/applications`, { token: fixture.token });
        expect(list.body._embedded.applications.map((app: { id: string }) => app.id)).toEqual(
            expect.arrayContaining([fixture.emulator.worker.clientId, fixture.emulator.web.clientId]),
        );
        const web = await call(fixture.emulator, 'GET', `${env()}/applications/${fixture.emulator.web.clientId}`, { token: fixture.token });
        expect(web.body).toMatchObject({ type: 'WEB_APP', protocol: 'OPENID_CONNECT', grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN'] });
        expect(JSON.stringify(web.body)).not.toContain(fixture.emulator.web.clientSecret);
        const created = await call(fixture.emulator, 'POST', `${env()}/applications`, {
            token: fixture.token,
            json: { name: 'Reporter', type: 'WORKER', protocol: 'OPENID_CONNECT', tokenEndpointAuthMethod: 'CLIENT_SECRET_POST' },
        });
        expect(created.status).toBe(201);
        const secret = await call(fixture.emulator, 'GET', `${env()}/applications/${created.body.id}/secret`, { token: fixture.token });
        const rotated = await call(fixture.emulator, 'POST', `${env()}/applications/${created.body.id}/secret`, { token: fixture.token });
        expect(rotated.body.secret).not.toBe(secret.body.secret);
        expect(rotated.body.previous.secret).toBe(secret.body.secret);
        const form = { grant_type: 'client_credentials', client_id: created.body.id };
        expect(
            (
                await call(fixture.emulator, 'POST', `/${fixture.emulator.environmentId}/as/token`, {
                    form: { ...form, client_secret: secret.body.secret },
                })
            ).status,
        ).toBe(200);
        expect(
            (
                await call(fixture.emulator, 'POST', `/${fixture.emulator.environmentId}/as/token`, {
                    form: { ...form, client_secret: rotated.body.secret },
                })
            ).status,
        ).toBe(200);
        expect((await call(fixture.emulator, 'DELETE', `${env()}/applications/${created.body.id}`, { token: fixture.token })).status).toBe(204);
    });

    it('serves MFA devices: seeded ones under _embedded.devices, create, activate, nickname, delete', async () => {
        const users = (await call(fixture.emulator, 'GET', `${env()}/users?limit=10`, { token: fixture.token })).body._embedded.users;
        const mfaUser = users.find((user: { mfaEnabled: boolean }) => user.mfaEnabled);
        const seeded = await call(fixture.emulator, 'GET', `${env()}/users/${mfaUser.id}/devices`, { token: fixture.token });
        expect(seeded.body._embedded.devices.length).toBeGreaterThan(0);
        expect(seeded.body._embedded.devices[0]).toMatchObject({ type: 'EMAIL', status: 'ACTIVE' });
        const path = `${env()}/users/${mfaUser.id}/devices`;
        const sms = await call(fixture.emulator, 'POST', path, {
            token: fixture.token,
            json: { type: 'SMS', phone: '+14155552671', status: 'ACTIVATION_REQUIRED' },
        });
        expect(sms.status).toBe(201);
        const badPhone = await call(fixture.emulator, 'POST', path, { token: fixture.token, json: { type: 'SMS', phone: '555' } });
        expect(badPhone.body.details[0].target).toBe('phone');
        const activated = await call(fixture.emulator, 'POST', `${path}/${sms.body.id}`, {
            token: fixture.token,
            json: { otp: '123456' },
            contentType: 'application/vnd.pingidentity.device.activate+json',
        });
        expect(activated.body.status).toBe('ACTIVE');
        const renamed = await call(fixture.emulator, 'PUT', `${path}/${sms.body.id}/nickname`, { token: fixture.token, json: { nickname: 'Work phone' } });
        expect(renamed.body.nickname).toBe('Work phone');
        expect((await call(fixture.emulator, 'DELETE', `${path}/${sms.body.id}`, { token: fixture.token })).status).toBe(204);
        expect((await call(fixture.emulator, 'GET', `${path}/${sms.body.id}`, { token: fixture.token })).status).toBe(404);
    });

    it('starts with a seeded audit history of the last days, the same under the same seed, naming users and groups it serves', async () => {
        // Up to the moment each emulator had started: the seeded history only, not what other tests here change.
        const history = async (target: TestEmulator, startedAt: string) => {
            const range = `recordedAt gt "${new Date(Date.parse(fixture.startedAt) - 4 * 86_400_000).toISOString()}" and recordedAt lt "${fixture.startedAt}"`;
            const page = await call(target, 'GET', `/v1/environments/${target.environmentId}/activities?limit=1000&filter=${encodeURIComponent(range)}`, {
                token: await target.workerToken(),
            });
            return page.body._embedded.activities as Array<{
                id: string;
                recordedAt: string;
                action: { type: string };
                resources: Array<{ type: string; id: string }>;
            }>;
        };
        const seeded = await history(fixture.emulator, fixture.startedAt);
        expect(seeded.length).toBeGreaterThan(100);
        expect(new Set(seeded.map((activity) => activity.action.type))).toEqual(new Set(['GROUP_MEMBERSHIP.CREATED', 'DEVICE.UPDATED', 'USER.UNLOCKED']));
        const times = seeded.map((activity) => Date.parse(activity.recordedAt));
        expect(times).toEqual([...times].sort((a, b) => a - b));
        const membership = seeded.find((activity) => activity.action.type === 'GROUP_MEMBERSHIP.CREATED')!;
        const [user, group] = membership.resources;
        const groups = await call(fixture.emulator, 'GET', `${env()}/users/${user!.id}/memberOfGroups`, { token: fixture.token });
        expect(groups.body._embedded.groupMemberships.map((entry: { id: string }) => entry.id)).toContain(group!.id);
        const twin = await startTestEmulator();
        try {
            const again = await history(twin, new Date().toISOString());
            expect(again.map(({ id, action, resources }) => ({ id, action, resources }))).toEqual(
                seeded.map(({ id, action, resources }) => ({ id, action, resources })),
            );
        } finally {
            await twin.close();
        }
    });

    it('records audit activities for mutations, filterable by recordedAt range and action.type (eq, in)', async () => {
        const since = new Date(Date.now() - 1000).toISOString();
        const user = (await call(fixture.emulator, 'POST', `${env()}/users`, { token: fixture.token, json: { username: 'audited', email: 'a@example.com' } }))
            .body;
        await call(fixture.emulator, 'PATCH', `${env()}/users/${user.id}`, { token: fixture.token, json: { title: 'Audited' } });
        await call(fixture.emulator, 'PUT', `${env()}/users/${user.id}/enabled`, { token: fixture.token, json: { enabled: false } });
        await call(fixture.emulator, 'DELETE', `${env()}/users/${user.id}`, { token: fixture.token });
        const query = (filter: string) => call(fixture.emulator, 'GET', `${env()}/activities?filter=${encodeURIComponent(filter)}`, { token: fixture.token });
        const all = await query(`recordedAt gt "${since}" and resources.id eq "${user.id}"`);
        expect(all.body._embedded.activities.map((activity: { action: { type: string } }) => activity.action.type)).toEqual([
            'USER.CREATED',
            'USER.UPDATED',
            'USER.DISABLED',
            'USER.DELETED',
        ]);
        const activity = all.body._embedded.activities[0];
        expect(activity).toMatchObject({
            resources: [{ type: 'USER', id: user.id, name: 'audited', population: { id: user.population.id } }],
            result: { status: 'SUCCESS' },
            actors: { client: { id: fixture.emulator.worker.clientId } },
        });
        expect(activity.recordedAt).toBe(activity.createdAt);
        const updates = await query(`recordedAt ge "${since}" and action.type eq "USER.UPDATED"`);
        expect(updates.body._embedded.activities.every((entry: { action: { type: string } }) => entry.action.type === 'USER.UPDATED')).toBe(true);
        const some = await query(`recordedAt gt "${since}" and recordedAt lt "2999-01-01T00:00:00Z" and action.type in ("USER.CREATED", "USER.DELETED")`);
        expect(some.body._embedded.activities.filter((entry: { resources: { id: string }[] }) => entry.resources[0]?.id === user.id)).toHaveLength(2);
        const noRange = await query('action.type eq "USER.CREATED"');
        expect(noRange.status).toBe(400);
        expect(noRange.body.details[0].code).toBe('INVALID_FILTER');
        const one = await call(fixture.emulator, 'GET', `${env()}/activities/${activity.id}`, { token: fixture.token });
        expect(one.body.id).toBe(activity.id);
    });

    it('compares recordedAt as an instant (whole seconds, other offsets) and takes attribute names in any case, as the spec example does', async () => {
        const user = (await call(fixture.emulator, 'POST', `${env()}/users`, { token: fixture.token, json: { username: 'instant', email: 'i@example.com' } }))
            .body;
        const query = (filter: string) => call(fixture.emulator, 'GET', `${env()}/activities?filter=${encodeURIComponent(filter)}`, { token: fixture.token });
        const created = (await query(`recordedAt gt "2000-01-01T00:00:00Z" and resources.id eq "${user.id}"`)).body._embedded.activities[0];
        // The same instant as recordedAt, cut to whole seconds (…:01Z sorts after …:01.234Z as text) and again at +02:00.
        const second = new Date(Math.floor(Date.parse(created.recordedAt) / 1000) * 1000);
        const wholeSecond = second.toISOString().replace(/\.\d+Z$/, 'Z');
        const plusTwo = `${new Date(second.getTime() + 7_200_000).toISOString().replace(/\.\d+Z$/, '')}+02:00`;
        for (const bound of [wholeSecond, plusTwo]) {
            const result = await query(`recordedAt ge "${bound}" and resources.id eq "${user.id}"`);
            expect(
                result.body._embedded.activities.map((activity: { id: string }) => activity.id),
                bound,
            ).toEqual([created.id]);
        }
        const anyCase = await query(`RECORDEDAT ge "${wholeSecond}" AND recordedat lt "2999-01-01T00:00:00Z" and Resources.ID eq "${user.id}"`);
        expect(anyCase.status).toBe(200);
        expect(anyCase.body._embedded.activities.map((activity: { id: string }) => activity.id)).toEqual([created.id]);
    });

    it('accepts exactly the documented activities filters: a date range plus at most one narrowing term (get-user-activities)', async () => {
        // Many queries in a row: the Audit group's own rate limit (tested below) is lifted for this one.
        fixture.emulator.admin.setAuditRateLimit(undefined);
        onTestFinished(() => fixture.emulator.admin.setAuditRateLimit(auditRateLimit));
        const since = new Date(Date.now() - 1000).toISOString();
        const user = (await call(fixture.emulator, 'POST', `${env()}/users`, { token: fixture.token, json: { username: 'filtered', email: 'f@example.com' } }))
            .body;
        const population = `resources.population.id eq "${user.population.id}"`;
        const range = 'recordedAt gt "2000-01-01T00:00:00Z" and recordedAt lt "2999-01-01T00:00:00Z"';
        const query = (filter: string) => call(fixture.emulator, 'GET', `${env()}/activities?filter=${encodeURIComponent(filter)}`, { token: fixture.token });
        const documented = [
            range,
            'createdAt ge "2000-01-01T00:00:00Z"',
            `${range} and ${population}`,
            `${range} and actors.user.id eq "${user.id}"`,
            `${range} and actors.user.id eq "${user.id}" and ${population}`,
            `${range} and action.type eq "USER.CREATED"`,
            `(${range}) and (action.type eq "USER.CREATED") and ${population}`,
            `${range} and action.type in ("USER.CREATED", "USER.UPDATED")`,
            `${range} and resources.id eq "${user.id}"`,
            `${range} and resources.type eq "USER"`,
            `${range} and resources.type eq "USER" and ${population}`,
        ];
        for (const filter of documented) expect((await query(filter)).status, filter).toBe(200);
        const created = await query(`recordedAt gt "${since}" and resources.type eq "USER"`);
        expect(created.body._embedded.activities.some((entry: { resources: { id: string }[] }) => entry.resources.some((r) => r.id === user.id))).toBe(true);

        const undocumented = [
            'resources.type eq "USER"',
            `${range} and (action.type eq "USER.CREATED" or action.type eq "USER.UPDATED")`,
            `${range} and action.type eq "USER.CREATED" and action.type eq "USER.UPDATED"`,
            `${range} and action.type eq "USER.CREATED" and resources.id eq "${user.id}"`,
            `${range} and resources.id eq "${user.id}" and ${population}`,
            `${range} and resources.type eq "USER" and actors.user.id eq "${user.id}"`,
            `${range} and result.status eq "SUCCESS"`,
            `${range} and actors.client.id eq "${fixture.emulator.worker.clientId}"`,
            `${range} or resources.type eq "USER"`,
        ];
        for (const filter of undocumented) {
            const refused = await query(filter);
            expect(refused.status, filter).toBe(400);
            expect(refused.body, filter).toMatchObject({ code: 'INVALID_DATA', details: [{ code: 'INVALID_FILTER', target: 'filter' }] });
        }
    });

    it('takes the filter in a form body on POST (get-user-activities-1), refusing other bodies and undocumented filters alike', async () => {
        fixture.emulator.admin.setAuditRateLimit(undefined);
        onTestFinished(() => fixture.emulator.admin.setAuditRateLimit(auditRateLimit));
        const range = 'recordedAt gt "2000-01-01T00:00:00Z" and recordedAt lt "2999-01-01T00:00:00Z"';
        const post = (options: Parameters<typeof call>[3]) => call(fixture.emulator, 'POST', `${env()}/activities`, { token: fixture.token, ...options });
        const byGet = await call(fixture.emulator, 'GET', `${env()}/activities?limit=5&filter=${encodeURIComponent(`${range} and resources.type eq "USER"`)}`, {
            token: fixture.token,
        });
        const byForm = await post({ form: { filter: `${range} and resources.type eq "USER"`, limit: '5' } });
        expect(byForm.status).toBe(200);
        expect(byForm.body._embedded.activities).toEqual(byGet.body._embedded.activities);
        // The next page is a GET link that carries the filter, like every other page link.
        const next = await call(fixture.emulator, 'GET', byForm.body._links.next.href, { token: fixture.token });
        expect(next.status).toBe(200);
        // And a `prev` link leads back to the first page (paging-ordering-collections); the first page has none.
        expect(byForm.body._links.prev).toBeUndefined();
        const back = await call(fixture.emulator, 'GET', next.body._links.prev.href, { token: fixture.token });
        expect(back.body._embedded.activities).toEqual(byGet.body._embedded.activities);
        expect((await post({ form: { filter: `${range} or resources.type eq "USER"` } })).body.details[0].code).toBe('INVALID_FILTER');
        expect((await post({ json: { filter: range } })).status).toBe(415);
    });

    it('rate-limits the audit activities as their own group, 10 requests a second, apart from the other calls (audit-activities.html)', async () => {
        const twin = await startTestEmulator();
        try {
            const token = await twin.workerToken();
            const range = encodeURIComponent('recordedAt gt "2000-01-01T00:00:00Z"');
            // Far more requests at once than one second's share: some must be refused, whatever the machine's speed.
            const answers = await Promise.all(
                Array.from({ length: 60 }, () => call(twin, 'GET', `/v1/environments/${twin.environmentId}/activities?limit=1&filter=${range}`, { token })),
            );
            const limited = answers.filter((answer) => answer.status === 429);
            expect(limited.length).toBeGreaterThan(0);
            expect(limited[0]?.body).toMatchObject({ code: 'REQUEST_LIMITED' });
            expect(Number(limited[0]?.headers['retry-after'])).toBeGreaterThanOrEqual(1);
            // The other calls are not in the Audit group: the same environment still answers them.
            expect((await call(twin, 'GET', `/v1/environments/${twin.environmentId}/users?limit=1`, { token })).status).toBe(200);
        } finally {
            await twin.close();
        }
    });
});
