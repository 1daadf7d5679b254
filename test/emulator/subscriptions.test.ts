// The emulator's subscriptions (webhooks) service: the API refuses what PingOne does not document, and
// deliveries follow PingOne's description (the ACTIVITY payload as an array, the configured headers,
// retried until a 200, filtered by filterOptions, never holding the API's answer).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-server.js';

let emulator: TestEmulator;
let receiver: LoopbackServer;
/** How the receiver answers: a status per delivery, 200 once the list runs out. */
const answers: number[] = [];

beforeAll(async () => {
    emulator = await startTestEmulator();
    receiver = await startLoopbackServer((_request, response) => {
        response.statusCode = answers.shift() ?? 200;
        response.end();
    });
});
afterAll(async () => {
    await emulator?.close();
    await receiver?.close();
});

async function api(method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${emulator.url}/v1/environments/${emulator.environmentId}${path}`, {
        method,
        headers: { authorization: `Bearer ${await emulator.workerToken()}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

function subscription(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        name: 'users',
        enabled: true,
        verifyTlsCertificates: true,
        format: 'ACTIVITY',
        filterOptions: { includedActionTypes: ['USER.CREATED', 'USER.UPDATED', 'USER.DELETED'] },
        httpEndpoint: { url: `${receiver.origin}/hook`, headers: { Authorization: 'Bearer delivery-secret' } },
        ...overrides,
    };
}

async function until(condition: () => boolean, what: string): Promise<void> {
    const deadline = Date.now() + 5_000;
    while (!condition()) {
        if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
    }
}

describe('subscriptions API', () => {
    it('refuses unknown keys, a non-https URL that is not loopback, an empty action type list and an unknown action type', async () => {
        for (const body of [
            subscription({ extra: true }),
            subscription({ httpEndpoint: { url: 'http://example.com/hook' } }),
            subscription({ httpEndpoint: { url: 'ftp://127.0.0.1/hook' } }),
            subscription({ filterOptions: { includedActionTypes: [] } }),
            subscription({ filterOptions: { includedActionTypes: ['USER.EXPLODED'] } }),
            subscription({ format: 'SPLUNK' }),
            subscription({ enabled: undefined }),
        ]) {
            const answer = await api('POST', '/subscriptions', body);
            expect(answer.status, JSON.stringify(body)).toBe(400);
        }
        expect((await api('GET', '/subscriptions')).body).toMatchObject({ count: 0 });
    });

    it('creates, reads, lists, replaces (PUT, no PATCH) and deletes a subscription', async () => {
        const created = await api('POST', '/subscriptions', subscription({ enabled: false }));
        expect(created.status).toBe(201);
        const id = String(created.body['id']);
        expect((await api('GET', `/subscriptions/${id}`)).body).toMatchObject({ name: 'users', enabled: false, format: 'ACTIVITY' });
        expect((await api('GET', '/subscriptions')).body).toMatchObject({ count: 1 });
        expect((await api('PUT', `/subscriptions/${id}`, subscription({ name: 'renamed', enabled: false }))).body).toMatchObject({ name: 'renamed' });
        expect((await api('PATCH', `/subscriptions/${id}`, { name: 'x' })).status).toBe(405);
        expect((await api('DELETE', `/subscriptions/${id}`)).status).toBe(204);
        expect((await api('GET', `/subscriptions/${id}`)).status).toBe(404);
    });

    it('needs Environment Admin', async () => {
        const app = emulator.admin.createApplication({ roles: ['Identity Data Admin'] });
        const token = await fetch(`${emulator.url}/${emulator.environmentId}/as/token`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ grant_type: 'client_credentials', client_id: app.clientId, client_secret: app.clientSecret }),
        });
        const { access_token: accessToken } = (await token.json()) as { access_token: string };
        const response = await fetch(`${emulator.url}/v1/environments/${emulator.environmentId}/subscriptions`, {
            headers: { authorization: `Bearer ${accessToken}` },
        });
        expect(response.status).toBe(403);
    });
});

describe('deliveries', () => {
    it('POSTs matching activities as a JSON array with the configured headers, retries until a 200, and skips what the filter excludes', async () => {
        const created = await api('POST', '/subscriptions', subscription());
        const id = String(created.body['id']);
        receiver.requests.length = 0;
        answers.push(503, 500);
        const user = emulator.admin.users.create({ username: 'delivered.user', email: 'delivered@example.com' });
        // A group event is not among includedActionTypes.
        await api('POST', '/groups', { name: 'not-delivered' });
        await until(() => receiver.requests.length >= 3, 'the third attempt');
        const [first, , third] = receiver.requests;
        expect(first?.headers['authorization']).toBe('Bearer delivery-secret');
        expect(first?.headers['content-type']).toBe('application/json');
        expect(third?.body).toBe(first?.body);
        const events = JSON.parse(third?.body ?? '[]') as Array<{ action: { type: string }; resources: Array<{ id: string }> }>;
        expect(events.map((event) => event.action.type)).toEqual(['USER.CREATED']);
        expect(events[0]?.resources[0]?.id).toBe(user['id']);
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(receiver.requests).toHaveLength(3);
        await api('DELETE', `/subscriptions/${id}`);
    });

    it('keeps the events of a suspended subscription and delivers them once it is enabled again', async () => {
        const created = await api('POST', '/subscriptions', subscription({ enabled: false }));
        const id = String(created.body['id']);
        receiver.requests.length = 0;
        emulator.admin.users.create({ username: 'suspended.user', email: 'suspended@example.com' });
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(receiver.requests).toHaveLength(0);
        await api('PUT', `/subscriptions/${id}`, subscription());
        await until(() => receiver.requests.length === 1, 'the kept event');
        expect(receiver.requests[0]?.body).toContain('suspended.user');
        await api('DELETE', `/subscriptions/${id}`);
    });

    it('to https: a self-signed certificate is refused with verifyTlsCertificates true, trusted with false', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'webhook-tls-'));
        execFileSync(
            'openssl',
            [
                'req',
                '-x509',
                '-newkey',
                'rsa:2048',
                '-nodes',
                '-keyout',
                join(dir, 'key.pem'),
                '-out',
                join(dir, 'cert.pem'),
                '-days',
                '1',
                '-subj',
                '/CN=127.0.0.1',
            ],
            {
                stdio: 'ignore',
            },
        );
        const bodies: string[] = [];
        const server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (request, response) => {
            let body = '';
            request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
            request.on('end', () => {
                bodies.push(body);
                response.end();
            });
        });
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
        try {
            const verified = await api('POST', '/subscriptions', subscription({ httpEndpoint: { url } }));
            const failedBefore = emulator.webhooks.stats().failed;
            emulator.admin.users.create({ username: 'tls.user', email: 'tls@example.com' });
            await until(() => emulator.webhooks.stats().failed > failedBefore, 'a refused attempt');
            expect(bodies).toHaveLength(0);
            await api('PUT', `/subscriptions/${String(verified.body['id'])}`, subscription({ httpEndpoint: { url }, verifyTlsCertificates: false }));
            await until(() => bodies.length === 1, 'the delivery over TLS');
            expect(bodies[0]).toContain('tls.user');
            await api('DELETE', `/subscriptions/${String(verified.body['id'])}`);
        } finally {
            server.closeAllConnections();
            await new Promise((resolve) => server.close(resolve));
        }
    });
});
