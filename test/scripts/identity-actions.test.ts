// The identity actions (user schema, sessions, MFA device lifecycle, account states) and the
// user-schema-attributes sync, run through the harness against the emulator for both admin
// integrations. State afterwards is read through the emulator's own controls or a plain API call with
// the seeded Worker app, never through the action under test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { RunReport } from '../../src/harness/index.js';
import { expectSuccess, INTEGRATION_CONNECTIONS, liveRecords, openScriptsWorld, type ScriptsWorld } from './world.js';

let world: ScriptsWorld;
const startedAt = new Date(Date.now() - 1000).toISOString();
beforeAll(async () => {
    world = await openScriptsWorld();
});
afterAll(async () => world?.close());

type Output = Record<string, unknown>;

async function act(connection: string, action: string, input: unknown): Promise<Output> {
    const report = await world.harness.runAction(connection, action, input);
    if (report.status !== 'success') throw new Error(`${action} failed: ${JSON.stringify(report.error)}`);
    return report.output as Output;
}

async function refusal(connection: string, action: string, input: unknown): Promise<Record<string, unknown>> {
    const report: RunReport = await world.harness.runAction(connection, action, input);
    expect(report.status).toBe('failed');
    // A script's ActionError carries its payload; an input the schema refuses is the error itself.
    const error = report.error as Record<string, unknown> & { payload?: Record<string, unknown> };
    return error.payload ?? error;
}

/** A management API call made with the seeded Worker app, independent of the scripts. */
async function api(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
    const response = await fetch(`${world.emulator.url}/v1/environments/${world.emulator.environmentId}${path}`, {
        method,
        headers: { authorization: `Bearer ${await world.emulator.workerToken()}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return response.status === 204 ? {} : ((await response.json()) as Record<string, unknown>);
}

/** The activity types recorded about a resource since the test file started (the documented resource-ID filter). */
async function activityTypesAbout(resourceId: string): Promise<string[]> {
    const filter = `recordedAt gt "${startedAt}" and resources.id eq "${resourceId}"`;
    const page = await api('GET', `/activities?limit=100&filter=${encodeURIComponent(filter)}`);
    const activities = ((page['_embedded'] as { activities?: Array<{ action: { type: string } }> }).activities ?? []).map((a) => a.action.type);
    return activities;
}

const usedUsers = new Set<string>();
/** A seeded user (one who has signed on) with at least `min` sessions, not used by another test. */
function userWithSessions(min: number): string {
    for (let position = 0; position < 60; position++) {
        const id = String(world.emulator.admin.users.at(position)?.['id']);
        if (!usedUsers.has(id) && world.emulator.admin.identity.sessions(id).length >= min) {
            usedUsers.add(id);
            return id;
        }
    }
    throw new Error(`No seeded user left with ${min} sessions.`);
}

describe.each(INTEGRATION_CONNECTIONS)('$integration identity actions', ({ connection }) => {
    const username = (what: string) => `${what}.identity.${connection}`;
    const newUser = (what: string, extra: Record<string, unknown> = {}) =>
        String(world.emulator.admin.users.create({ username: username(what), email: `${username(what)}@example.com`, ...extra })['id']);

    it('get-user-schema returns the user schema with its core, standard and custom attributes', async () => {
        const output = await act(connection, 'get-user-schema', {});
        const schemas = (await api('GET', '/schemas'))['_embedded'] as { schemas: Array<{ id: string }> };
        expect(output['id']).toBe(schemas.schemas[0]?.id);
        const attributes = output['attributes'] as Array<{ name: string; schemaType: string; type: string }>;
        const listed = (await api('GET', `/schemas/${String(output['id'])}/attributes`))['_embedded'] as { attributes: unknown[] };
        expect(attributes).toHaveLength(listed.attributes.length);
        expect(attributes).toContainEqual(expect.objectContaining({ name: 'department', schemaType: 'CUSTOM', type: 'STRING' }));
        expect(attributes).toContainEqual(expect.objectContaining({ name: 'email', schemaType: 'STANDARD' }));
    });

    it('create-user refuses a custom attribute the user schema does not declare, and creates nothing', async () => {
        const before = world.emulator.admin.users.count();
        const payload = await refusal(connection, 'create-user', { username: username('undeclared'), customAttributes: { costCentre: '42' } });
        expect(payload).toMatchObject({ code: 'invalid_input', field: 'customAttributes.costCentre' });
        expect(world.emulator.admin.users.count()).toBe(before);
        const created = await act(connection, 'create-user', {
            username: username('declared'),
            email: `${username('declared')}@example.com`,
            customAttributes: { department: 'Research' },
        });
        expect(world.emulator.admin.users.get(String(created['id']))?.['department']).toBe('Research');
    });

    it('list-user-sessions lists the sessions PingOne keeps for the user, newest first', async () => {
        const userId = userWithSessions(2);
        const output = await act(connection, 'list-user-sessions', { id: userId });
        const sessions = output['sessions'] as Array<{ id: string; userId: string; browser?: string; lastSignOnRemoteIp?: string }>;
        expect(sessions.map((session) => session.id)).toEqual(world.emulator.admin.identity.sessions(userId).map((session) => session['id']));
        expect(sessions[0]).toMatchObject({ userId, browser: expect.any(String), lastSignOnRemoteIp: expect.stringMatching(/^198\.51\.100\./) });
    });

    it('revoke-user-session ends one session, records it, and reports a missing one as not_found', async () => {
        const userId = userWithSessions(2);
        const [first, second] = world.emulator.admin.identity.sessions(userId).map((session) => String(session['id']));
        expect(await act(connection, 'revoke-user-session', { userId, sessionId: first })).toEqual({ id: first, deleted: true });
        expect(world.emulator.admin.identity.sessions(userId).map((session) => session['id'])).toEqual([second]);
        expect(await activityTypesAbout(String(first))).toEqual(['SESSION.DELETED']);
        expect(await refusal(connection, 'revoke-user-session', { userId, sessionId: first })).toMatchObject({ code: 'not_found' });
    });

    it('revoke-user-sessions ends every session of the user; with none left it deletes nothing', async () => {
        const userId = userWithSessions(2);
        const ids = world.emulator.admin.identity.sessions(userId).map((session) => String(session['id']));
        expect(await act(connection, 'revoke-user-sessions', { id: userId })).toEqual({ userId, deleted: ids, alreadyGone: [] });
        expect(world.emulator.admin.identity.sessions(userId)).toEqual([]);
        expect(await act(connection, 'revoke-user-sessions', { id: userId })).toEqual({ userId, deleted: [], alreadyGone: [] });
    });

    it('get-mfa-device, unlock-mfa-device, set-mfa-device-order, remove-mfa-device-order, delete-mfa-device and reset-user-mfa', async () => {
        const userId = newUser('devices');
        const email = String((await api('POST', `/users/${userId}/devices`, { type: 'EMAIL', email: 'devices@example.com' }))['id']);
        const sms = String((await api('POST', `/users/${userId}/devices`, { type: 'SMS', phone: '+14155550123' }))['id']);
        const totp = String((await api('POST', `/users/${userId}/devices`, { type: 'TOTP' }))['id']);

        expect(await act(connection, 'get-mfa-device', { userId, deviceId: sms })).toMatchObject({ id: sms, userId, type: 'SMS', phone: '+14155550123' });

        world.emulator.admin.identity.lockDevice(userId, sms);
        expect(await act(connection, 'get-mfa-device', { userId, deviceId: sms })).toMatchObject({ lockStatus: 'LOCKED' });
        const unlocked = await act(connection, 'unlock-mfa-device', { userId, deviceId: sms });
        expect(unlocked).toMatchObject({ id: sms, type: 'SMS' });
        expect(unlocked['lockStatus']).toBeUndefined();
        expect((await api('GET', `/users/${userId}/devices/${sms}`))['lock']).toBeUndefined();
        expect(await activityTypesAbout(sms)).toContain('DEVICE.UNLOCKED');

        expect(await act(connection, 'set-mfa-device-order', { userId, deviceIds: [totp, sms, email] })).toEqual({ userId, order: [totp, sms, email] });
        const listed = (await api('GET', `/users/${userId}/devices`))['_embedded'] as { devices: Array<{ id: string }> };
        expect(listed.devices.map((device) => device.id)).toEqual([totp, sms, email]);
        expect(await act(connection, 'remove-mfa-device-order', { id: userId })).toEqual({ userId, ordered: false });
        expect((await activityTypesAbout(totp)).filter((type) => type === 'DEVICE.UPDATED')).toHaveLength(2);

        expect(await act(connection, 'delete-mfa-device', { userId, deviceId: totp })).toEqual({ id: totp, deleted: true });
        expect((await api('GET', `/users/${userId}/devices/${totp}`))['code']).toBe('NOT_FOUND');

        expect(await act(connection, 'reset-user-mfa', { id: userId })).toEqual({ userId, deleted: [sms, email], alreadyGone: [] });
        expect(((await api('GET', `/users/${userId}/devices`))['_embedded'] as { devices: unknown[] }).devices).toEqual([]);
    });

    it('set-mfa-device-order refuses an ID that is not a PingOne ID before any request', async () => {
        const userId = newUser('badorder');
        expect(await refusal(connection, 'set-mfa-device-order', { userId, deviceIds: ['../devices'] })).toMatchObject({
            code: 'invalid_input',
            field: 'deviceIds.0',
        });
    });

    it('lock-user-account locks until unlockAt and unlock-user-account unlocks; an unlockAt in the past is refused before any request', async () => {
        const userId = newUser('locked');
        const unlockAt = new Date(Date.now() + 3_600_000).toISOString();
        const locked = await act(connection, 'lock-user-account', { id: userId, unlockAt });
        expect(locked).toMatchObject({ id: userId, accountStatus: 'LOCKED', canAuthenticate: false, unlockAt });
        expect(world.emulator.admin.users.get(userId)?.['account']).toMatchObject({ status: 'LOCKED', unlockAt });
        expect(await act(connection, 'unlock-user-account', { id: userId })).toMatchObject({ id: userId, accountStatus: 'OK' });
        expect(world.emulator.admin.users.get(userId)?.['account']).toMatchObject({ status: 'OK' });
        expect(await activityTypesAbout(userId)).toEqual(expect.arrayContaining(['USER.LOCKED', 'USER.UNLOCKED']));

        const past = await refusal(connection, 'lock-user-account', { id: userId, unlockAt: '2020-01-01T00:00:00Z' });
        expect(past).toMatchObject({ code: 'invalid_input', field: 'unlockAt' });
        expect(await refusal(connection, 'lock-user-account', { id: userId, unlockAt: 'tomorrow' })).toMatchObject({ code: 'invalid_input' });
        expect(world.emulator.admin.users.get(userId)?.['account']).toMatchObject({ status: 'OK' });
    });

    it('send-user-verification-code and verify-user: a wrong code is invalid_code, the emailed one verifies the account and the email', async () => {
        const userId = newUser('verify');
        expect(await act(connection, 'send-user-verification-code', { id: userId })).toMatchObject({ id: userId, lifecycleStatus: 'VERIFICATION_REQUIRED' });
        const sent = world.emulator.admin.identity.sentCode('verification', userId);
        expect(sent?.to).toBe(`${username('verify')}@example.com`);

        const wrong = await refusal(connection, 'verify-user', { id: userId, verificationCode: 'WRONG123' });
        expect(wrong).toMatchObject({ code: 'invalid_code', target: 'verificationCode' });
        expect(world.emulator.admin.users.get(userId)?.['lifecycle']).toEqual({ status: 'VERIFICATION_REQUIRED' });

        const verified = await act(connection, 'verify-user', { id: userId, verificationCode: String(sent?.code) });
        expect(verified).toMatchObject({ id: userId, lifecycleStatus: 'ACCOUNT_OK', emailVerified: true });
        expect(world.emulator.admin.users.get(userId)).toMatchObject({ lifecycle: { status: 'ACCOUNT_OK' }, emailVerified: true });
        expect(await activityTypesAbout(userId)).toEqual(expect.arrayContaining(['USER.VERIFICATION_CODE_SENT', 'USER.VERIFIED']));
    });

    it('send-password-recovery emails a recovery code; without a password PingOne refuses it as recovery_not_possible', async () => {
        const userId = newUser('recover', { password: 'Recover-Passw0rd!' });
        expect(await act(connection, 'send-password-recovery', { id: userId })).toMatchObject({ id: userId, username: username('recover') });
        expect(world.emulator.admin.identity.sentCode('recovery', userId)?.code).toMatch(/^[A-Z0-9]{8}$/);
        expect(await activityTypesAbout(userId)).toContain('PASSWORD.RECOVERY_CODE_SENT');

        const noPassword = newUser('nopassword');
        expect(await refusal(connection, 'send-password-recovery', { id: noPassword })).toMatchObject({ code: 'recovery_not_possible' });
        expect(world.emulator.admin.identity.sentCode('recovery', noPassword)).toBeUndefined();
    });

    it('send-email-verification emails a code to the user’s address and leaves the lifecycle as it is', async () => {
        const userId = newUser('emailcode');
        const output = await act(connection, 'send-email-verification', { id: userId });
        expect(output).toMatchObject({ id: userId, lifecycleStatus: 'ACCOUNT_OK' });
        expect(world.emulator.admin.identity.sentCode('email', userId)).toMatchObject({ to: `${username('emailcode')}@example.com` });
        expect(await activityTypesAbout(userId)).toContain('USER.VERIFICATION_CODE_SENT');
        expect(await refusal(connection, 'send-email-verification', { id: userId, notificationType: 'robot' })).toMatchObject({ code: 'invalid_input' });
    });

    it('the user-schema-attributes sync saves one record per attribute of the user schema', async () => {
        expectSuccess(await world.harness.runSync(connection, 'user-schema-attributes'));
        const records = liveRecords<{ name: string; schemaType: string; schemaId: string }>(world.harness, connection, 'UserSchemaAttribute');
        const schema = ((await api('GET', '/schemas'))['_embedded'] as { schemas: Array<{ id: string }> }).schemas[0];
        const listed = (await api('GET', `/schemas/${String(schema?.id)}/attributes`))['_embedded'] as { attributes: Array<{ name: string }> };
        expect(records.map((record) => record.name).sort()).toEqual(listed.attributes.map((attribute) => attribute.name).sort());
        expect(records).toContainEqual(expect.objectContaining({ name: 'employeeNumber', schemaType: 'CUSTOM', schemaId: schema?.id }));
    });
});
