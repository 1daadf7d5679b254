import { describe, expect, it } from 'vitest';
import { createRequestStats, requestJson, type HttpLogEvent } from '../../src/http/index.js';
import { sendJson } from '../support/loopback-server.js';
import { serverAndDispatcher } from './fixture.js';

const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ3b3JrZXIifQ.c2lnbmF0dXJlLXZhbHVl';
const secret = 'client-secret-Zx81-never-log';

describe('request statistics and logs', () => {
    it('counts attempts, retries, 429s and answers by status', async () => {
        const stats = createRequestStats();
        const { dispatcher } = await serverAndDispatcher(
            (request, response, index) => (index === 0 ? sendJson(response, 429, {}) : sendJson(response, request.url.includes('missing') ? 404 : 200, {})),
            { stats },
        );
        await requestJson(dispatcher, { url: 'https://api.pingone.com/v1/environments/a' });
        await requestJson(dispatcher, { url: 'https://api.pingone.com/v1/environments/missing' });
        expect(stats).toEqual({ requests: 3, tokenRequests: 0, retries: 1, status429: 1, networkErrors: 0, byStatus: { 429: 1, 200: 1, 404: 1 } });
        expect(dispatcher.stats).toBe(stats);
    });

    it('counts every attempt at the token endpoint apart, retries included, so that API requests are counted exactly', async () => {
        const stats = createRequestStats();
        const { dispatcher } = await serverAndDispatcher((_request, response, index) => sendJson(response, index === 0 ? 503 : 200, {}), { stats });
        await requestJson(dispatcher, {
            url: 'https://auth.pingone.com/env/as/token',
            form: { grant_type: 'client_credentials' },
            idempotent: true,
            tokenEndpoint: true,
        });
        await requestJson(dispatcher, { url: 'https://api.pingone.com/v1/environments/a' });
        expect(stats).toMatchObject({ requests: 3, tokenRequests: 2, retries: 1 });
    });

    it('logs PingOne URLs, statuses and retries, and never a token, secret or code', async () => {
        const events: HttpLogEvent[] = [];
        const { dispatcher } = await serverAndDispatcher(
            (_request, response, index) => (index === 0 ? sendJson(response, 503, {}) : sendJson(response, 200, {})),
            {
                logger: (event) => events.push(event),
            },
        );
        await requestJson(dispatcher, {
            url: `https://auth.pingone.com/env/as/token?code=abcdef123456&client_secret=${secret}`,
            headers: { authorization: `Bearer ${token}` },
            form: { client_secret: secret },
            idempotent: true,
        });
        expect(events.map((event) => event.type)).toEqual(['response', 'retry', 'response']);
        expect(events[0]).toMatchObject({ method: 'POST', status: 503 });
        expect(events[0]?.url.startsWith('https://auth.pingone.com/env/as/token')).toBe(true);
        const logged = JSON.stringify(events);
        expect(logged).not.toContain(token);
        expect(logged).not.toContain(secret);
        expect(logged).not.toContain('abcdef123456');
    });
});
