import { describe, expect, it } from 'vitest';
import { emulatorForFile } from './fixture.js';
import { call, tokenFor } from './http.js';

// The emulator's sessions, account and verification operations, recovery codes and device unlock and
// order, as PingOne's pages describe them (cited in src/emulator/api/sessions.ts, user-actions.ts,
// passwords.ts and devices.ts), and strict where they say nothing.
describe('emulator: identity operations', () => {
    const fixture = emulatorForFile();
    const env = () => `/v1/environments/${fixture.emulator.environmentId}`;
    const newUser = async (username: string, extra: Record<string, unknown> = {}) =>
        (await call(fixture.emulator, 'POST', `${env()}/users`, { token: fixture.token, json: { username, email: `${username}@example.com`, ...extra } })).body
            .id as string;
    const post = (path: string, contentType: string, json?: unknown) =>
        call(fixture.emulator, 'POST', `${env()}${path}`, { token: fixture.token, contentType, ...(json === undefined ? {} : { json }) });

    it('lists a signed-on user’s sessions newest first, reads and deletes one; a user created through the API has none', async () => {
        const seeded = Array.from({ length: 60 }, (_, i) => fixture.emulator.admin.users.at(i)).find(
            (user) => user !== undefined && fixture.emulator.admin.identity.sessions(String(user['id'])).length >= 2,
        );
        const sessions = `${env()}/users/${String(seeded?.['id'])}/sessions`;
        const listed = await call(fixture.emulator, 'GET', sessions, { token: fixture.token });
        const items = listed.body._embedded.sessions as Array<{ id: string; createdAt: string }>;
        expect(items.map((session) => session.createdAt)).toEqual([...items.map((session) => session.createdAt)].sort().reverse());
        const one = await call(fixture.emulator, 'GET', `${sessions}/${items[0]?.id}`, { token: fixture.token });
        expect(one.body).toMatchObject({ id: items[0]?.id, user: { id: seeded?.['id'] }, lastSignOn: { remoteIp: expect.any(String) } });
        expect((await call(fixture.emulator, 'DELETE', `${sessions}/${items[0]?.id}`, { token: fixture.token })).status).toBe(204);
        expect((await call(fixture.emulator, 'GET', `${sessions}/${items[0]?.id}`, { token: fixture.token })).status).toBe(404);

        const fresh = await newUser('no.sessions');
        expect((await call(fixture.emulator, 'GET', `${env()}/users/${fresh}/sessions`, { token: fixture.token })).body._embedded.sessions).toEqual([]);
    });

    it('refuses sessions to Identity Data Read Only: PingOne documents them for the Identity Data Admin', async () => {
        const app = fixture.emulator.admin.createApplication({ roles: ['Identity Data Read Only'] });
        const token = await tokenFor(fixture.emulator, app.clientId, app.clientSecret);
        const user = await newUser('sessions.role');
        expect((await call(fixture.emulator, 'GET', `${env()}/users/${user}/sessions`, { token })).status).toBe(403);
        expect((await call(fixture.emulator, 'GET', `${env()}/users/${user}`, { token })).status).toBe(200);
    });

    it('locks an account only with an unlockAt in the future', async () => {
        const user = await newUser('lock.past');
        const lock = 'application/vnd.pingidentity.account.lock+json';
        expect((await post(`/users/${user}`, lock, { unlockAt: '2020-01-01T00:00:00Z' })).body.account).toMatchObject({ status: 'OK' });
        expect((await post(`/users/${user}`, lock, { unlockAt: 'soon' })).status).toBe(400);
    });

    it('sends a verification code (VERIFICATION_REQUIRED); only the last code verifies, once', async () => {
        const user = await newUser('verify.me');
        const send = 'application/vnd.pingidentity.user.sendVerificationCode+json';
        const verify = 'application/vnd.pingidentity.user.verify+json';
        expect((await post(`/users/${user}`, send)).body.lifecycle).toEqual({ status: 'VERIFICATION_REQUIRED' });
        const first = fixture.emulator.admin.identity.sentCode('verification', user)?.code;
        await post(`/users/${user}`, send);
        const last = fixture.emulator.admin.identity.sentCode('verification', user)?.code;
        expect((await post(`/users/${user}`, verify, { verificationCode: first === last ? 'ZZZZZZZZ' : first })).status).toBe(400);
        expect((await post(`/users/${user}`, verify, {})).body.details[0]).toMatchObject({ code: 'REQUIRED_VALUE', target: 'verificationCode' });
        const verified = await post(`/users/${user}`, verify, { verificationCode: last?.toLowerCase() });
        expect(verified.body).toMatchObject({ lifecycle: { status: 'ACCOUNT_OK' }, emailVerified: true });
        expect((await post(`/users/${user}`, verify, { verificationCode: last })).status).toBe(400);
    });

    it('sends a password recovery code, but not to a disabled user, nor without a password', async () => {
        const recover = 'application/vnd.pingidentity.password.sendRecoveryCode+json';
        const imported = (
            await call(fixture.emulator, 'POST', `${env()}/users`, {
                token: fixture.token,
                json: { username: 'recover.imported', email: 'recover.imported@example.com', password: { value: 'Recover-Passw0rd!' } },
                contentType: 'application/vnd.pingidentity.user.import+json',
            })
        ).body.id as string;
        expect((await post(`/users/${imported}/password`, recover)).status).toBe(200);
        expect(fixture.emulator.admin.identity.sentCode('recovery', imported)).toMatchObject({ to: 'recover.imported@example.com' });
        const noPassword = await newUser('recover.none');
        expect((await post(`/users/${noPassword}/password`, recover)).status).toBe(400);
        await call(fixture.emulator, 'PUT', `${env()}/users/${imported}/enabled`, { token: fixture.token, json: { enabled: false } });
        const disabled = await post(`/users/${imported}/password`, recover);
        expect(disabled.body.details[0].message).toContain('disabled');
    });

    it('sends an email verification code with notificationType admin or user, and nothing else', async () => {
        const user = await newUser('email.code');
        const send = 'application/vnd.pingidentity.user.emailVerification.send+json';
        expect((await post(`/users/${user}/emailVerification`, send, {})).body.details[0]).toMatchObject({
            code: 'REQUIRED_VALUE',
            target: 'notificationType',
        });
        expect((await post(`/users/${user}/emailVerification`, send, { notificationType: 'robot' })).status).toBe(400);
        expect((await post(`/users/${user}/emailVerification`, 'application/json', { notificationType: 'admin' })).status).toBe(415);
        expect((await post(`/users/${user}/emailVerification`, send, { notificationType: 'user' })).status).toBe(200);
        expect(fixture.emulator.admin.identity.sentCode('email', user)).toMatchObject({ to: 'email.code@example.com' });
    });

    it('unlocks a device, and removes the device order with a POST (204)', async () => {
        const user = await newUser('device.ops');
        const device = (await post(`/users/${user}/devices`, 'application/json', { type: 'EMAIL', email: 'device.ops@example.com' })).body.id as string;
        fixture.emulator.admin.identity.lockDevice(user, device);
        expect((await call(fixture.emulator, 'GET', `${env()}/users/${user}/devices/${device}`, { token: fixture.token })).body.lock).toMatchObject({
            status: 'LOCKED',
        });
        const unlocked = await post(`/users/${user}/devices/${device}`, 'application/vnd.pingidentity.device.unlock+json');
        expect(unlocked.status).toBe(200);
        expect(unlocked.body.lock).toBeUndefined();
        expect((await post(`/users/${user}/devices`, 'application/vnd.pingidentity.devices.order.remove+json')).status).toBe(204);
        expect((await post(`/users/${user}/devices/${device}`, 'application/vnd.pingidentity.device.lock+json')).status).toBe(415);
    });
});
