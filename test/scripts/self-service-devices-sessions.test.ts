// The self-service MFA device and session actions: the signed-on user's own devices and sessions,
// through a pingone connection made with an OIDC Web App (self-management scopes, no roles), against
// the emulator. State afterwards is read with the seeded Worker app or the emulator's own controls.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { connectSignedOn, expectSuccess, failurePayload, openScriptsWorld, workerApi, type ScriptsWorld } from './world.js';

let world: ScriptsWorld;
let me: string;
/** Granted on the app's Resources tab and asked for at sign-on: the scopes of these actions. */
const SCOPES = ['p1:read:device', 'p1:delete:device', 'p1:read:sessions', 'p1:delete:sessions'];

beforeAll(async () => {
    world = await openScriptsWorld();
    me = world.emulator.signOnUser.id;
    const redirectUris = ['http://127.0.0.1/callback'];
    const app = world.emulator.admin.createApplication({ name: 'Self-service devices and sessions', type: 'WEB_APP', scopes: SCOPES, redirectUris });
    await connectSignedOn(world.harness, world.emulator, 'mine', { ...app, redirectUris }, ['openid', ...SCOPES].join(' '));
});
afterAll(async () => world?.close());

type Output = Record<string, unknown>;

async function act(action: string, input: unknown, connection = 'mine'): Promise<Output> {
    return expectSuccess(await world.harness.runAction(connection, action, input)).output as Output;
}

async function refusal(action: string, input: unknown, connection = 'mine'): Promise<Output> {
    return failurePayload(await world.harness.runAction(connection, action, input));
}

/** An email device of the user, made with the seeded Worker app. */
async function newDevice(userId: string): Promise<string> {
    const created = await workerApi(world, 'POST', `/users/${userId}/devices`, { type: 'EMAIL', email: 'me@example.com' });
    expect(created.status).toBe(201);
    return String(created.body['id']);
}

async function deviceIds(userId: string): Promise<string[]> {
    const body = (await workerApi(world, 'GET', `/users/${userId}/devices`)).body as { _embedded: { devices: Array<{ id: string }> } };
    return body._embedded.devices.map((device) => device.id);
}

const sessionIds = () => world.emulator.admin.identity.sessions(me).map((session) => String(session['id']));

describe('self-service MFA devices', () => {
    it("get-my-mfa-device reads the signed-on user's device; delete-my-mfa-device removes it", async () => {
        const deviceId = await newDevice(me);
        expect(await act('get-my-mfa-device', { deviceId })).toMatchObject({ id: deviceId, userId: me, type: 'EMAIL', status: 'ACTIVE' });
        expect(await act('delete-my-mfa-device', { deviceId })).toEqual({ id: deviceId, deleted: true });
        expect(await deviceIds(me)).not.toContain(deviceId);
        expect(await refusal('get-my-mfa-device', { deviceId })).toMatchObject({ code: 'not_found' });
    });

    it("reaches no other user's device: its ID is not_found under the signed-on user, and the device stays", async () => {
        const other = String(world.emulator.admin.users.create({ username: 'someone.else' })['id']);
        const deviceId = await newDevice(other);
        expect(await refusal('get-my-mfa-device', { deviceId })).toMatchObject({ code: 'not_found' });
        expect(await refusal('delete-my-mfa-device', { deviceId })).toMatchObject({ code: 'not_found' });
        expect(await deviceIds(other)).toEqual([deviceId]);
    });

    it('a token without p1:delete:device (the Nango common scopes) is refused with missing_scope, and the device stays', async () => {
        const deviceId = await newDevice(me);
        expect(await act('get-my-mfa-device', { deviceId }, 'self')).toMatchObject({ id: deviceId });
        const payload = await refusal('delete-my-mfa-device', { deviceId }, 'self');
        expect(payload).toMatchObject({ code: 'missing_scope' });
        expect(String(payload['message'])).toContain('p1:delete:device');
        expect(await deviceIds(me)).toContain(deviceId);
    });
});

describe('self-service sessions', () => {
    it("list-my-sessions lists the signed-on user's sessions (each sign-on started one), newest first", async () => {
        const output = (await act('list-my-sessions', {})) as { sessions: Array<{ id: string; userId: string }> };
        expect(output.sessions.map((session) => session.id)).toEqual(sessionIds());
        expect(output.sessions.length).toBeGreaterThanOrEqual(3);
        expect(output.sessions.every((session) => session.userId === me)).toBe(true);
    });

    it('revoke-my-session ends one session; a second revoke is not_found', async () => {
        const [, oldest] = [...sessionIds()].reverse();
        const sessionId = String(oldest);
        expect(await act('revoke-my-session', { sessionId })).toEqual({ id: sessionId, deleted: true });
        expect(sessionIds()).not.toContain(sessionId);
        expect(await refusal('revoke-my-session', { sessionId })).toMatchObject({ code: 'not_found' });
    });

    it('a token without the session scopes (the Nango common scopes) is refused with missing_scope', async () => {
        const before = sessionIds();
        expect(await refusal('list-my-sessions', {}, 'self')).toMatchObject({ code: 'missing_scope' });
        expect(await refusal('revoke-my-session', { sessionId: String(before[0]) }, 'self')).toMatchObject({ code: 'missing_scope' });
        expect(sessionIds()).toEqual(before);
    });

    it('an admin sign-on connection cannot run them (wrong_connection_kind), before any request', async () => {
        const report = await world.harness.runAction('web', 'list-my-sessions', {});
        expect(report.status).toBe('failed');
        expect(report.requests).toBe(0);
        expect(failurePayload(report)).toMatchObject({ code: 'wrong_connection_kind' });
    });
});
