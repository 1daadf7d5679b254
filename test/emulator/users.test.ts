import { describe, expect, it } from 'vitest';
import { emulatorForFile } from './fixture.js';
import { call, collectPages } from './http.js';

describe('emulator: users', () => {
    const fixture = emulatorForFile({ users: 80 });

    const users = () => `/v1/environments/${fixture.emulator.environmentId}/users`;
    const create = (body: unknown, contentType?: string) =>
        call(fixture.emulator, 'POST', users(), { token: fixture.token, json: body, ...(contentType ? { contentType } : {}) });

    it('creates a user: 201 with Location, default population, server-managed fields', async () => {
        const result = await create({ username: 'new.person', email: 'new.person@example.com', name: { given: 'New', family: 'Person' } });
        expect(result.status).toBe(201);
        expect(result.headers.location).toBe(result.body._links.self.href);
        expect(result.body).toMatchObject({
            username: 'new.person',
            enabled: true,
            mfaEnabled: false,
            lifecycle: { status: 'ACCOUNT_OK' },
            population: { id: expect.any(String) },
        });
        expect(result.body.createdAt).toBe(result.body.updatedAt);
        const again = await call(fixture.emulator, 'GET', `${users()}/${result.body.id}`, { token: fixture.token });
        expect(again.body.username).toBe('new.person');
    });

    it('refuses a taken username (any case) with UNIQUENESS_VIOLATION and the existing id', async () => {
        const page = await call(fixture.emulator, 'GET', `${users()}?limit=1`, { token: fixture.token });
        const existing = page.body._embedded.users[0];
        const result = await create({ username: existing.username.toUpperCase(), email: 'x@example.com' });
        expect(result.status).toBe(400);
        expect(result.body.code).toBe('INVALID_DATA');
        expect(result.body.details[0]).toMatchObject({ code: 'UNIQUENESS_VIOLATION', target: 'username', innerError: { existingId: existing.id } });
    });

    it('names the missing or bad field', async () => {
        const noUsername = await create({ email: 'a@example.com' });
        expect(noUsername.body.details[0]).toMatchObject({ code: 'REQUIRED_VALUE', target: 'username' });
        const noEmail = await create({ username: 'no.email' });
        expect(noEmail.body.details[0].target).toBe('email');
        const badPopulation = await create({ username: 'p', email: 'p@example.com', population: { id: 'nope' } });
        expect(badPopulation.body.details[0].target).toBe('population.id');
        const badJson = await call(fixture.emulator, 'POST', users(), { token: fixture.token, raw: '{"username":', contentType: 'application/json' });
        expect(badJson.status).toBe(400);
        expect(badJson.body.code).toBe('INVALID_REQUEST');
    });

    it('answers 415 for a content type the operation does not take', async () => {
        const result = await call(fixture.emulator, 'POST', users(), {
            token: fixture.token,
            raw: 'username=x',
            contentType: 'application/x-www-form-urlencoded',
        });
        expect(result.status).toBe(415);
        expect(result.body.code).toBe('INVALID_REQUEST');
        const wrongVendor = await call(fixture.emulator, 'POST', users(), {
            token: fixture.token,
            json: { username: 'v', email: 'v@example.com' },
            contentType: 'application/vnd.pingidentity.password.set+json',
        });
        expect(wrongVendor.status).toBe(415);
    });

    it('imports a user with a password (vendor content type) who can then pass a password check', async () => {
        const imported = await create(
            {
                username: 'imported.user',
                email: 'imported@example.com',
                password: { value: 'Sup3r-secret!', forceChange: false },
                lifecycle: { status: 'ACCOUNT_OK' },
                emailVerified: true,
            },
            'application/vnd.pingidentity.user.import+json',
        );
        expect(imported.status).toBe(201);
        expect(imported.body.emailVerified).toBe(true);
        expect(JSON.stringify(imported.body)).not.toContain('Sup3r-secret!');
        const check = (password: string) =>
            call(fixture.emulator, 'POST', `${users()}/${imported.body.id}/password`, {
                token: fixture.token,
                json: { password },
                contentType: 'application/vnd.pingidentity.password.check+json',
            });
        expect((await check('Sup3r-secret!')).status).toBe(200);
        expect((await check('wrong')).status).toBe(400);
        const plainWithPassword = await create({ username: 'plain.pw', email: 'p@example.com', password: { value: 'x' } });
        expect(plainWithPassword.body.details[0].target).toBe('password');
    });

    it('PUT replaces (omitted attributes cleared), PATCH merges, null clears', async () => {
        const user = (
            await create({ username: 'put.patch', email: 'pp@example.com', title: 'Engineer', nickname: 'PP', name: { given: 'Put', family: 'Patch' } })
        ).body;
        const patched = await call(fixture.emulator, 'PATCH', `${users()}/${user.id}`, {
            token: fixture.token,
            json: { title: 'Director', nickname: null, name: { middle: 'Q' } },
        });
        expect(patched.status).toBe(200);
        expect(patched.body.title).toBe('Director');
        expect(patched.body.nickname).toBeUndefined();
        expect(patched.body.name).toEqual({ given: 'Put', family: 'Patch', middle: 'Q' });
        const replaced = await call(fixture.emulator, 'PUT', `${users()}/${user.id}`, {
            token: fixture.token,
            json: { username: 'put.patch', email: 'pp@example.com' },
        });
        expect(replaced.body.title).toBeUndefined();
        expect(replaced.body.name).toBeUndefined();
        expect(replaced.body.enabled).toBe(true);
        expect(replaced.body.population.id).toBe(user.population.id);
        expect(replaced.body.createdAt).toBe(user.createdAt);
    });

    it('changes a generated user, keeps it in place in the list, and deletes it (204, then 404)', async () => {
        const before = await collectPages(fixture.emulator, `${users()}?limit=50`, 'users', fixture.token);
        const target = before.items[10];
        await call(fixture.emulator, 'PATCH', `${users()}/${target.id}`, { token: fixture.token, json: { title: 'Changed' } });
        const after = await collectPages(fixture.emulator, `${users()}?limit=50`, 'users', fixture.token);
        expect(after.items[10]).toMatchObject({ id: target.id, title: 'Changed' });
        const deleted = await call(fixture.emulator, 'DELETE', `${users()}/${target.id}`, { token: fixture.token });
        expect(deleted.status).toBe(204);
        expect(deleted.text).toBe('');
        const gone = await call(fixture.emulator, 'GET', `${users()}/${target.id}`, { token: fixture.token });
        expect(gone.status).toBe(404);
        expect(gone.body.code).toBe('NOT_FOUND');
        const final = await collectPages(fixture.emulator, `${users()}?limit=50`, 'users', fixture.token);
        expect(final.items.map((user) => user.id)).not.toContain(target.id);
        expect(final.items).toHaveLength(before.items.length - 1);
    });

    it('locks (until unlockAt) and unlocks an account with the vendor content types; without unlockAt nothing is locked', async () => {
        const user = (await create({ username: 'lock.me', email: 'lock@example.com' })).body;
        const lockType = 'application/vnd.pingidentity.account.lock+json';
        const notLocked = await call(fixture.emulator, 'POST', `${users()}/${user.id}`, { token: fixture.token, json: {}, contentType: lockType });
        expect(notLocked.status).toBe(200);
        expect(notLocked.body.account).toMatchObject({ status: 'OK' });
        const unlockAt = new Date(Date.now() + 3_600_000).toISOString();
        const lock = await call(fixture.emulator, 'POST', `${users()}/${user.id}`, { token: fixture.token, json: { unlockAt }, contentType: lockType });
        expect(lock.body.account).toMatchObject({ status: 'LOCKED', canAuthenticate: false, unlockAt });
        const unlock = await call(fixture.emulator, 'POST', `${users()}/${user.id}`, {
            token: fixture.token,
            contentType: 'application/vnd.pingidentity.account.unlock+json',
        });
        expect(unlock.body.account).toMatchObject({ status: 'OK', canAuthenticate: true });
    });

    it('reads and sets enabled, population and mfaEnabled through their sub-resources', async () => {
        const user = (await create({ username: 'attrs', email: 'attrs@example.com' })).body;
        const disabled = await call(fixture.emulator, 'PUT', `${users()}/${user.id}/enabled`, { token: fixture.token, json: { enabled: false } });
        expect(disabled.body.enabled).toBe(false);
        expect((await call(fixture.emulator, 'GET', `${users()}/${user.id}/enabled`, { token: fixture.token })).body.enabled).toBe(false);
        const populations = fixture.emulator.admin.directory().populations;
        const other = populations.find((population) => population.id !== user.population.id);
        const moved = await call(fixture.emulator, 'PUT', `${users()}/${user.id}/population`, { token: fixture.token, json: { id: other?.id } });
        expect(moved.body.id).toBe(other?.id);
        expect((await call(fixture.emulator, 'GET', `${users()}/${user.id}`, { token: fixture.token })).body.population.id).toBe(other?.id);
        const mfa = await call(fixture.emulator, 'PUT', `${users()}/${user.id}/mfaEnabled`, { token: fixture.token, json: { mfaEnabled: true } });
        expect(mfa.body.mfaEnabled).toBe(true);
        const bad = await call(fixture.emulator, 'PUT', `${users()}/${user.id}/enabled`, { token: fixture.token, json: { enabled: 'yes' } });
        expect(bad.body.details[0].target).toBe('enabled');
    });

    it('sets, forces a change of, unlocks and reads password state with the vendor content types', async () => {
        const user = (await create({ username: 'pw.user', email: 'pw@example.com' })).body;
        const path = `${users()}/${user.id}/password`;
        expect((await call(fixture.emulator, 'GET', path, { token: fixture.token })).body.status).toBe('NO_PASSWORD');
        const set = await call(fixture.emulator, 'PUT', path, {
            token: fixture.token,
            json: { value: 'Another-1-pass', forceChange: false },
            contentType: 'application/vnd.pingidentity.password.set+json',
        });
        expect(set.body.status).toBe('OK');
        const force = await call(fixture.emulator, 'POST', path, { token: fixture.token, contentType: 'application/vnd.pingidentity.password.forceChange' });
        expect(force.body.status).toBe('MUST_CHANGE_PASSWORD');
        const change = await call(fixture.emulator, 'PUT', path, {
            token: fixture.token,
            json: { currentPassword: 'Another-1-pass', newPassword: 'Brand-new-2-pass' },
            contentType: 'application/vnd.pingidentity.password.reset+json',
        });
        expect(change.body.status).toBe('OK');
        const unlock = await call(fixture.emulator, 'POST', path, { token: fixture.token, contentType: 'application/vnd.pingidentity.password.unlock+json' });
        expect(unlock.status).toBe(200);
        const wrongType = await call(fixture.emulator, 'PUT', path, { token: fixture.token, json: { value: 'x' } });
        expect(wrongType.status).toBe(415);
        const short = await call(fixture.emulator, 'PUT', path, {
            token: fixture.token,
            json: { value: 'x' },
            contentType: 'application/vnd.pingidentity.password.set+json',
        });
        expect(short.body.details[0].target).toBe('value');
    });

    it('answers 405 for a method a path does not serve and 404 for an unknown path or environment', async () => {
        const method = await call(fixture.emulator, 'PATCH', users(), { token: fixture.token, json: {} });
        expect(method.status).toBe(405);
        expect(method.headers.allow).toContain('GET');
        const path = await call(fixture.emulator, 'GET', `/v1/environments/${fixture.emulator.environmentId}/nothing-here`, { token: fixture.token });
        expect(path.status).toBe(404);
        const environment = await call(fixture.emulator, 'GET', '/v1/environments/00000000-0000-4000-8000-000000000000/users', { token: fixture.token });
        expect(environment.status).toBe(404);
    });

    it('answers 401 INVALID_TOKEN without or with a forged bearer token', async () => {
        const none = await call(fixture.emulator, 'GET', users());
        expect(none.status).toBe(401);
        expect(none.body).toMatchObject({ code: 'ACCESS_FAILED', details: [{ code: 'INVALID_TOKEN' }] });
        const [head, , signature] = fixture.token.split('.');
        const forgedClaims = Buffer.from(JSON.stringify({ sub: 'me', exp: 9999999999 })).toString('base64url');
        const forged = await call(fixture.emulator, 'GET', users(), { token: `${head}.${forgedClaims}.${signature}` });
        expect(forged.status).toBe(401);
    });
});
