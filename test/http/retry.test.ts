import type { ServerResponse } from 'node:http';
import { Agent, request } from 'undici';
import { describe, expect, it } from 'vitest';
import { NetworkError, OutcomeUnknownError, RateLimitedError } from '../../src/errors/index.js';
import { bearerCapable, createPingOneDispatcher, requestJson } from '../../src/http/index.js';
import { startLoopbackServer, sendJson } from '../support/loopback-server.js';
import { allowedHosts, failureOf, serverAndDispatcher } from './fixture.js';

// These cases need a server that misbehaves on cue (a reset socket, a Retry-After date, a burst of
// 503s at a given request): a small loopback node:http server, not the emulator.

const usersUrl = 'https://api.pingone.com/v1/environments/env/users';

describe('retries', () => {
    it.each([429, 502, 503, 504])('retries a GET answered %i and returns the answer that ends the retries', async (status) => {
        const { server, dispatcher } = await serverAndDispatcher((_request, response, index) =>
            index < 2 ? sendJson(response, status, { code: 'X', message: 'busy' }) : sendJson(response, 200, { ok: true }),
        );
        const response = await requestJson(dispatcher, { url: usersUrl });
        expect(response).toMatchObject({ status: 200, body: { ok: true } });
        expect(server.requests).toHaveLength(3);
        expect(dispatcher.stats).toMatchObject({ requests: 3, retries: 2, byStatus: { [status]: 2, 200: 1 } });
    });

    it('gives up after maxRetries and hands back the last answer', async () => {
        const { server, dispatcher } = await serverAndDispatcher(
            (_request, response) => sendJson(response, 503, { code: 'UNEXPECTED_ERROR', message: 'down' }),
            {
                retry: { maxRetries: 2 },
            },
        );
        const response = await requestJson(dispatcher, { url: usersUrl });
        expect(response.status).toBe(503);
        expect(server.requests).toHaveLength(3);
    });

    it('takes per-request retryOptions (maxRetries, statusCodes), as the harness passes a script’s retries and retryOn', async () => {
        const { server, dispatcher } = await serverAndDispatcher((_request, response, index) => sendJson(response, index < 3 ? 500 : 200, {}));
        const options = { dispatcher, retryOptions: { maxRetries: 1, statusCodes: [500] } } as Parameters<typeof request>[1];
        expect((await request(usersUrl, options)).statusCode).toBe(500);
        expect(server.requests).toHaveLength(2);
    });

    it('does not retry other errors such as 400', async () => {
        const { server, dispatcher } = await serverAndDispatcher((_request, response) => sendJson(response, 400, { code: 'INVALID_DATA', message: 'x' }));
        expect((await requestJson(dispatcher, { url: usersUrl })).status).toBe(400);
        expect(server.requests).toHaveLength(1);
    });

    it('retries a GET answered 500, as 502-504, but never a POST', async () => {
        const { server, dispatcher } = await serverAndDispatcher((_request, response, index) =>
            sendJson(response, index === 0 ? 500 : 200, index === 0 ? { code: 'UNEXPECTED_ERROR', message: 'x' } : {}),
        );
        expect((await requestJson(dispatcher, { url: usersUrl })).status).toBe(200);
        expect(server.requests).toHaveLength(2);
        const post = await serverAndDispatcher((_request, response) => sendJson(response, 500, { code: 'UNEXPECTED_ERROR', message: 'x' }));
        expect((await requestJson(post.dispatcher, { method: 'POST', url: usersUrl, json: {} })).status).toBe(500);
        expect(post.server.requests).toHaveLength(1);
    });

    it('never sends a POST twice once it reached the server', async () => {
        const { server, dispatcher } = await serverAndDispatcher((_request, response) => sendJson(response, 503, { code: 'X', message: 'busy' }));
        const response = await requestJson(dispatcher, { method: 'POST', url: usersUrl, json: { username: 'ada' } });
        expect(response.status).toBe(503);
        expect(server.requests).toHaveLength(1);
        expect(dispatcher.stats.retries).toBe(0);
    });

    it('never re-sends a POST whose connection was reset (its outcome is unknown), but retries a GET', async () => {
        const { server, dispatcher } = await serverAndDispatcher((request, response, _index, socket) => {
            if (server.requests.filter((seen) => seen.method === request.method).length === 1) socket.destroy();
            else sendJson(response, 200, { method: request.method });
        });
        const reset = await requestJson(dispatcher, { method: 'POST', url: usersUrl, json: { username: 'ada' } }).catch((error: unknown) => error);
        expect(reset).toBeInstanceOf(OutcomeUnknownError);
        expect((reset as OutcomeUnknownError).message).toContain('may have applied it');
        expect(server.requests.filter((seen) => seen.method === 'POST')).toHaveLength(1);

        const response = await requestJson(dispatcher, { url: usersUrl });
        expect(response.body).toEqual({ method: 'GET' });
        expect(server.requests.filter((seen) => seen.method === 'GET')).toHaveLength(2);
    });

    it('retries a POST the caller declares idempotent (the client-credentials token request)', async () => {
        const { server, dispatcher } = await serverAndDispatcher((_request, response, index) =>
            index === 0 ? sendJson(response, 503, {}) : sendJson(response, 200, { access_token: 'x' }),
        );
        const response = await requestJson(dispatcher, {
            url: 'https://auth.pingone.com/env/as/token',
            form: { grant_type: 'client_credentials' },
            idempotent: true,
        });
        expect(response.status).toBe(200);
        expect(server.requests.map((seen) => seen.body)).toEqual(['grant_type=client_credentials', 'grant_type=client_credentials']);
    });

    it('retries a POST whose connection was refused, since nothing was sent', async () => {
        const closed = await startLoopbackServer(() => {});
        await closed.close();
        const dispatcher = createPingOneDispatcher({ allowedHosts, emulatorOrigin: closed.origin, random: () => 0, retry: { maxRetries: 2 } });
        try {
            const error: unknown = await requestJson(dispatcher, { method: 'POST', url: usersUrl, json: {} }).catch((caught: unknown) => caught);
            expect(error).toBeInstanceOf(NetworkError);
            expect((error as NetworkError).causeCode).toBe('ECONNREFUSED');
            expect((error as NetworkError).host).toBe('api.pingone.com');
            expect(dispatcher.stats).toMatchObject({ requests: 3, retries: 2, networkErrors: 3 });
        } finally {
            await dispatcher.close();
        }
    });

    it('waits the seconds of Retry-After', async () => {
        const { server, dispatcher } = await serverAndDispatcher((_request, response, index) =>
            index === 0 ? sendJson(response, 429, { code: 'REQUEST_LIMITED', message: 'slow down' }, { 'retry-after': '1' }) : sendJson(response, 200, {}),
        );
        await requestJson(dispatcher, { url: usersUrl });
        const [first, second] = server.requests;
        // Only a lower bound: a loaded machine may wait longer, never shorter.
        expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
        expect(dispatcher.stats.status429).toBe(1);
    });

    it('waits until the HTTP date of Retry-After', async () => {
        const { server, dispatcher } = await serverAndDispatcher((_request, response, index) =>
            index === 0 ? sendJson(response, 503, {}, { 'retry-after': new Date(Date.now() + 2000).toUTCString() }) : sendJson(response, 200, {}),
        );
        await requestJson(dispatcher, { url: usersUrl });
        const [first, second] = server.requests;
        // The date has whole seconds, so the wait is between 1 and 2 seconds.
        expect(second!.at - first!.at).toBeGreaterThanOrEqual(900);
    });

    it('hands a 429 back as RateLimitedError when Retry-After is longer than the caller allows', async () => {
        const { server, dispatcher } = await serverAndDispatcher(
            (_request, response) => sendJson(response, 429, { code: 'REQUEST_LIMITED', message: 'x' }, { 'retry-after': '120' }),
            {
                retry: { maxRetryAfterMs: 5_000 },
            },
        );
        const error: unknown = await failureOf(dispatcher, { url: usersUrl });
        expect(error).toBeInstanceOf(RateLimitedError);
        expect((error as RateLimitedError).retryAfterMs).toBe(120_000);
        expect(server.requests).toHaveLength(1);
    });

    it('holds the other requests of the connection while a 429 asks to wait', async () => {
        const { server, dispatcher } = await serverAndDispatcher((_request, response, index) =>
            index === 0 ? sendJson(response, 429, {}, { 'retry-after': '1' }) : sendJson(response, 200, {}),
        );
        const first = requestJson(dispatcher, { url: `${usersUrl}/first` });
        while (dispatcher.stats.status429 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
        await Promise.all([first, requestJson(dispatcher, { url: `${usersUrl}/second` })]);
        const second = server.requests.find((seen) => seen.url.endsWith('/second'));
        expect(second!.at - server.requests[0]!.at).toBeGreaterThanOrEqual(900);
    });

    it('stops waiting for a retry when the caller aborts', async () => {
        const { server, dispatcher } = await serverAndDispatcher((_request, response) => sendJson(response, 503, {}, { 'retry-after': '30' }));
        const controller = new AbortController();
        const sent = request(usersUrl, { dispatcher, signal: controller.signal });
        while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
        controller.abort(new Error('stop'));
        await expect(sent).rejects.toThrow('stop');
        expect(server.requests).toHaveLength(1);
    });
});

describe('a 401 to a request with a bearer token', () => {
    /** Tokens t1, t2, … handed out in turn; each refused one is recorded. */
    function tokenSeries() {
        let minted = 0;
        let current: string | undefined;
        const invalidated: string[] = [];
        return {
            invalidated,
            async getAccessToken() {
                current ??= `t${++minted}`;
                return current;
            },
            invalidate(token: string) {
                invalidated.push(token);
                if (token === current) current = undefined;
            },
        };
    }
    const refusingFirst = (_request: unknown, response: ServerResponse, index: number) =>
        index === 0 ? sendJson(response, 401, { code: 'INVALID_TOKEN', message: 'expired' }) : sendJson(response, 200, { ok: true });

    it('is sent once more at once, with a new token, and not counted as a retry (a POST too: PingOne did nothing)', async () => {
        const { server, dispatcher } = await serverAndDispatcher(refusingFirst);
        const tokens = tokenSeries();
        const response = await requestJson(dispatcher, { method: 'POST', url: usersUrl, json: { username: 'ada' }, bearer: tokens });
        expect(response).toMatchObject({ status: 200, body: { ok: true } });
        expect(server.requests.map((seen) => [seen.headers.authorization, seen.body])).toEqual([
            ['Bearer t1', '{"username":"ada"}'],
            ['Bearer t2', '{"username":"ada"}'],
        ]);
        expect(tokens.invalidated).toEqual(['t1']);
        expect(dispatcher.stats.retries).toBe(0);
    });

    it('goes to the caller when the new token is refused too', async () => {
        const { server, dispatcher } = await serverAndDispatcher((_request, response) => sendJson(response, 401, { code: 'INVALID_TOKEN', message: 'no' }));
        const response = await requestJson(dispatcher, { url: usersUrl, bearer: tokenSeries() });
        expect(response.status).toBe(401);
        expect(server.requests).toHaveLength(2);
    });

    it('is not sent again when the request carried no bearer token of ours', async () => {
        const { server, dispatcher } = await serverAndDispatcher(refusingFirst);
        const response = await requestJson(dispatcher, { url: usersUrl, headers: { authorization: 'Bearer fixed' } });
        expect(response.status).toBe(401);
        expect(server.requests).toHaveLength(1);
    });

    it('is sent once more through any other dispatcher made bearer-capable', async () => {
        const server = await startLoopbackServer(refusingFirst);
        const agent = new Agent();
        try {
            const response = await requestJson(bearerCapable(agent), { url: `${server.origin}/v1/environments/env/users`, bearer: tokenSeries() });
            expect(response.status).toBe(200);
            expect(server.requests.map((seen) => seen.headers.authorization)).toEqual(['Bearer t1', 'Bearer t2']);
        } finally {
            await agent.close();
            await server.close();
        }
    });
});
