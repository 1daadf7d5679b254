// The webhook subscription actions, through both admin integrations against the emulator: the
// emulator's state is read back with a plain GET, and a header's value never shows in an output,
// an error or a log line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { expectSuccess, INTEGRATION_CONNECTIONS, openScriptsWorld, type ScriptsWorld } from './world.js';

type Output = Record<string, unknown> & { id: string };

let world: ScriptsWorld;
const act = async (connection: string, action: string, input: unknown) =>
    expectSuccess(await world.harness.runAction(connection, action, input)).output as Output;

beforeAll(async () => {
    world = await openScriptsWorld();
});
afterAll(async () => world?.close());

/** The emulator's subscriptions, read with the seeded Worker app, not through the actions. */
async function emulatorApi(method: string, path = '', body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${world.emulator.url}/v1/environments/${world.emulator.environmentId}/subscriptions${path}`, {
        method,
        headers: { authorization: `Bearer ${await world.emulator.workerToken()}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

describe.each(INTEGRATION_CONNECTIONS)('$integration subscription actions', ({ connection }) => {
    const secret = `Bearer hook-secret-${connection}-0123456789`;

    it('create, get, list, update and delete a subscription; the header value is sent to PingOne and never shown', async () => {
        const reports = [];
        const create = await world.harness.runAction(connection, 'create-subscription', {
            name: `hook-${connection}`,
            url: 'http://127.0.0.1:9/hook?token=abc',
            headers: { Authorization: secret },
            actionTypes: ['USER.CREATED', 'USER.DELETED'],
            enabled: false,
        });
        reports.push(create);
        expect(create.status).toBe('success');
        const created = create.output as Output;
        expect(created).toMatchObject({ name: `hook-${connection}`, enabled: false, url: 'http://127.0.0.1:9/hook', headerNames: ['Authorization'] });
        const stored = await emulatorApi('GET', `/${created.id}`);
        expect(stored.body).toMatchObject({
            name: `hook-${connection}`,
            enabled: false,
            format: 'ACTIVITY',
            httpEndpoint: { url: 'http://127.0.0.1:9/hook?token=abc', headers: { Authorization: secret } },
            filterOptions: { includedActionTypes: ['USER.CREATED', 'USER.DELETED'] },
        });

        expect(await act(connection, 'get-subscription', { id: created.id })).toMatchObject({ id: created.id, headerNames: ['Authorization'] });
        const list = await world.harness.runAction(connection, 'list-subscriptions', {});
        reports.push(list);
        expect((list.output as { subscriptions: Output[] }).subscriptions.map((item) => item.id)).toContain(created.id);

        // The header's value is never read back: an update must give it again.
        const headerless = await world.harness.runAction(connection, 'update-subscription', { id: created.id, enabled: true });
        reports.push(headerless);
        expect((headerless.error as { payload?: unknown }).payload).toMatchObject({ code: 'invalid_input', field: 'headers' });
        expect((await emulatorApi('GET', `/${created.id}`)).body).toMatchObject({ enabled: false });

        const update = await world.harness.runAction(connection, 'update-subscription', {
            id: created.id,
            enabled: true,
            actionTypes: ['USER.UPDATED'],
            headers: { Authorization: secret },
        });
        reports.push(update);
        expect(update.output).toMatchObject({ enabled: true, actionTypes: ['USER.UPDATED'], name: `hook-${connection}` });
        // The fields not given stay.
        expect((await emulatorApi('GET', `/${created.id}`)).body).toMatchObject({
            enabled: true,
            httpEndpoint: { headers: { Authorization: secret } },
            filterOptions: { includedActionTypes: ['USER.UPDATED'] },
        });

        expect(await act(connection, 'delete-subscription', { id: created.id })).toEqual({ id: created.id, deleted: true });
        expect((await emulatorApi('GET', `/${created.id}`)).status).toBe(404);

        expect(JSON.stringify(reports)).not.toContain(secret);
        expect(world.logs.join('\n')).not.toContain(secret);
    });

    it('refuses a plain-http URL that is not loopback, and a header value over lines, before any request', async () => {
        for (const input of [
            { name: 'x', url: 'http://example.com/hook', actionTypes: ['USER.CREATED'] },
            { name: 'x', url: 'https://example.com/hook', actionTypes: ['USER.CREATED'], headers: { Authorization: `${secret}\r\nX-Evil: 1` } },
            { name: 'x', url: 'https://example.com/hook', actionTypes: [] },
            { name: 'x', url: 'https://example.com/hook', actionTypes: ['USER.CREATED'], format: 'SPLUNK' },
        ]) {
            const report = await world.harness.runAction(connection, 'create-subscription', input);
            expect(report.status).toBe('failed');
            expect(report.error).toMatchObject({ code: 'invalid_input' });
            expect(JSON.stringify(report)).not.toContain(secret);
        }
        expect((await emulatorApi('GET')).body).toMatchObject({ count: 0 });
    });
});

describe('create-subscription at PingOne limit', () => {
    it('explains the 403 for a 51st subscription as subscription_limit', async () => {
        const body = {
            name: 'filler',
            enabled: false,
            verifyTlsCertificates: true,
            format: 'ACTIVITY',
            filterOptions: { includedActionTypes: ['USER.CREATED'] },
            httpEndpoint: { url: 'https://example.com/hook' },
        };
        const ids: string[] = [];
        for (let i = 0; i < 50; i++) ids.push(String((await emulatorApi('POST', '', body)).body['id']));
        const report = await world.harness.runAction('cc', 'create-subscription', {
            name: 'one too many',
            url: 'https://example.com/hook',
            actionTypes: ['USER.CREATED'],
        });
        expect(report.status).toBe('failed');
        expect((report.error as { payload?: unknown }).payload).toMatchObject({ code: 'subscription_limit', pingone: { status: 403 } });
        for (const id of ids) await emulatorApi('DELETE', `/${id}`);
    });
});

describe('create-subscription whose answer is lost', () => {
    it('is sent once and reported as outcome_unknown, naming list-subscriptions as the check', async () => {
        expectSuccess(await world.harness.runAction('cc', 'list-subscriptions', {}));
        world.emulator.admin.setFaults({ cutAfterActRate: 1, scope: 'api' });
        const report = await world.harness.runAction('cc', 'create-subscription', {
            name: 'cut',
            url: 'https://example.com/hook',
            actionTypes: ['USER.CREATED'],
        });
        world.emulator.admin.setFaults({});
        expect(report.status).toBe('failed');
        expect((report.error as { payload?: unknown }).payload).toMatchObject({ code: 'outcome_unknown', hint: expect.stringContaining('list-subscriptions') });
        const stored = (await emulatorApi('GET')).body as { _embedded: { subscriptions: Array<{ id: string; name: string }> } };
        const cut = stored._embedded.subscriptions.filter((item) => item.name === 'cut');
        expect(cut).toHaveLength(1);
        await emulatorApi('DELETE', `/${cut[0]!.id}`);
    });
});
