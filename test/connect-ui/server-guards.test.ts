import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectUi } from '../../src/connect-ui/index.js';
import { startStack, type ConnectUiStack } from './fixture.js';

// The page's server from the outside, over real HTTP: who it answers, what it refuses, and what it
// never says. Raw node:http requests, because a browser would not let a test forge Host or Origin.

interface Reply {
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: string;
}

function send(ui: ConnectUi, path: string, options: { method?: string; headers?: Record<string, string>; body?: string; host?: string } = {}): Promise<Reply> {
    const { port } = new URL(ui.origin);
    return new Promise((resolve, reject) => {
        const outgoing = request(
            { host: options.host ?? '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers ?? {} },
            (incoming) => {
                const chunks: Buffer[] = [];
                incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
                incoming.on('end', () =>
                    resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks).toString('utf8') }),
                );
            },
        );
        outgoing.on('error', reject);
        outgoing.end(options.body);
    });
}

const secret = 'a-very-secret-value-1234';
let stack: ConnectUiStack;
let ui: ConnectUi;
let token: string;
/** A `pingone` (sign-on) page server beside the `pingone-cc` one. */
let signOnUi: ConnectUi;
let signOnToken: string;

function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    return send(ui, path, { method: 'POST', headers: { 'content-type': 'application/json', 'x-launch-token': token, ...headers }, body: JSON.stringify(body) });
}

beforeAll(async () => {
    stack = await startStack('server-guards');
    ui = await stack.startUi('pingone-cc');
    token = new URL(ui.url).searchParams.get('token')!;
    signOnUi = await stack.startUi('pingone', 'admin');
    signOnToken = new URL(signOnUi.url).searchParams.get('token')!;
});
afterAll(() => stack?.close());

describe('the Connect UI server', () => {
    it('listens on 127.0.0.1 only', async () => {
        expect(new URL(ui.url).hostname).toBe('127.0.0.1');
        const outside = Object.values(networkInterfaces())
            .flat()
            .find((entry) => entry !== undefined && entry.family === 'IPv4' && !entry.internal);
        // A machine with no other interface has nothing more to prove here.
        if (outside !== undefined) await expect(send(ui, '/', { host: outside.address })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    });

    it('serves the form only to the address with the launch token', async () => {
        expect((await send(ui, '/')).status).toBe(403);
        expect((await send(ui, `/?token=${token.slice(1)}x`)).status).toBe(403);
        const page = await send(ui, `/?token=${encodeURIComponent(token)}`);
        expect(page.status).toBe(200);
        expect(page.body).toContain('<form id="connect-form"');
        // Showing the form (which says whether a connection would be replaced) creates no database.
        expect(existsSync(stack.storePath)).toBe(false);
    });

    it('refuses a request that changes state without the launch token, before reading it', async () => {
        const reply = await post('/api/test-connection', { connectionConfig: {}, credentials: { clientSecret: secret } }, { 'x-launch-token': 'guess' });
        expect(reply.status).toBe(403);
        expect(JSON.parse(reply.body)).toMatchObject({ ok: false, message: 'This request lacks the launch token.' });
        expect(reply.body).not.toContain(secret);
    });

    it('refuses other host names (DNS rebinding) and other origins (cross-site posts), even with the token', async () => {
        const rebound = await send(ui, `/?token=${encodeURIComponent(token)}`, { headers: { host: `evil.example:${new URL(ui.origin).port}` } });
        expect(rebound.status).toBe(403);
        const reboundGuide = await send(ui, '/guides/pingone-cc.md', { headers: { host: `evil.example:${new URL(ui.origin).port}` } });
        expect(reboundGuide.status).toBe(403);
        const crossSite = await post('/api/test-connection', { connectionConfig: {}, credentials: {} }, { origin: 'https://evil.example' });
        expect(crossSite.status).toBe(403);
    });

    it('accepts only JSON bodies, which a cross-site form cannot send without a preflight', async () => {
        const reply = await send(ui, '/api/test-connection', {
            method: 'POST',
            headers: { 'content-type': 'text/plain', 'x-launch-token': token },
            body: '{"connectionConfig":{},"credentials":{}}',
        });
        expect(reply.status).toBe(400);
    });

    it('never sends the secret back, not even in the message about a bad field next to it', async () => {
        const reply = await post('/api/test-connection', {
            connectionConfig: { environmentId: 'not-a-uuid', tld: 'eu' },
            credentials: { clientId: 'abc', clientSecret: secret },
        });
        expect(reply.status).toBe(400);
        expect(JSON.parse(reply.body)).toMatchObject({ ok: false, field: 'environmentId' });
        expect(reply.body).not.toContain(secret);
        const malformed = await post('/api/test-connection', { connectionConfig: { environmentId: secret }, credentials: [secret] });
        expect(malformed.body).not.toContain(secret);
    });

    it('marks every answer no-store, unframable and script-locked', async () => {
        const replies = await Promise.all([
            send(ui, `/?token=${encodeURIComponent(token)}`),
            send(ui, '/assets/page.js'),
            send(ui, '/assets/page.css'),
            send(ui, '/guides/pingone-cc.md'),
            send(ui, '/'),
            send(ui, '/nowhere'),
            post('/api/test-connection', {}),
        ]);
        for (const reply of replies) {
            expect(reply.headers['cache-control']).toBe('no-store');
            expect(reply.headers['x-frame-options']).toBe('DENY');
            expect(reply.headers['content-security-policy']).toContain("script-src 'self'");
            expect(reply.headers['referrer-policy']).toBe('no-referrer');
        }
    });
});

describe("PingOne's redirect back (/callback) without a sign-on this page started", () => {
    function expectNothingHandedOut(reply: Reply, launchToken: string): void {
        expect(reply.status).not.toBe(303);
        expect(reply.headers['location']).toBeUndefined();
        expect(reply.body).not.toContain(launchToken);
    }

    it('hands out nothing on a client-credentials page server, which has no /callback at all', async () => {
        for (const path of ['/callback', '/callback?state=guess&code=abc']) {
            const reply = await send(ui, path);
            expectNothingHandedOut(reply, token);
        }
        const withToken = await send(ui, '/callback', { headers: { 'x-launch-token': token } });
        expect(withToken.status).toBe(404);
    });

    it('answers a plain page that carries nothing when the state is missing, unknown or an error alone', async () => {
        for (const path of ['/callback', '/callback?state=guess', '/callback?error=access_denied', '/callback?code=abc&state=']) {
            const reply = await send(signOnUi, path);
            expect(reply.status).toBe(400);
            expectNothingHandedOut(reply, signOnToken);
            expect(reply.body).toContain('did not start that sign-in');
        }
    });

    it('goes back to the form once for a pending sign-on, and hands out nothing to a replay of its state', async () => {
        const { emulator } = stack;
        const started = await send(signOnUi, '/api/authorize', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-launch-token': signOnToken },
            body: JSON.stringify({
                connectionConfig: { environmentId: emulator.environmentId, tld: emulator.tld },
                credentials: { clientId: emulator.web.clientId, clientSecret: emulator.web.clientSecret },
            }),
        });
        const state = new URL(JSON.parse(started.body).redirect).searchParams.get('state')!;
        const back = await send(signOnUi, `/callback?state=${state}&error=access_denied`);
        expect(back.status).toBe(303);
        expect(back.headers['location']).toMatch(/^\/\?token=.+&flow=/);
        expectNothingHandedOut(await send(signOnUi, `/callback?state=${state}&error=access_denied`), signOnToken);
    });
});
