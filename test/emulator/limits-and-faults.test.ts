import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { emulatorForFile } from './fixture.js';
import { call } from './http.js';

describe('emulator: rate limiting and faults', () => {
    const fixture = emulatorForFile();

    const users = () => `/v1/environments/${fixture.emulator.environmentId}/users?limit=1`;
    const statuses = async (count: number) => {
        const result: number[] = [];
        for (let i = 0; i < count; i++) result.push((await call(fixture.emulator, 'GET', users(), { token: fixture.token })).status);
        return result;
    };

    it('is off by default: a burst of requests all succeed', async () => {
        expect(new Set(await statuses(30))).toEqual(new Set([200]));
    });

    it('answers 429 REQUEST_LIMITED with Retry-After once the bucket is empty, and counts it', async () => {
        fixture.emulator.admin.resetStats();
        // 0.2 per second refills nothing noticeable during the test, so the burst of 3 is all there is.
        fixture.emulator.admin.setRateLimit({ requestsPerSecond: 0.2, burst: 3 });
        try {
            const results = [];
            for (let i = 0; i < 5; i++) results.push(await call(fixture.emulator, 'GET', users(), { token: fixture.token }));
            expect(results.slice(0, 3).map((result) => result.status)).toEqual([200, 200, 200]);
            const limited = results[3]!;
            expect(limited.status).toBe(429);
            expect(limited.body).toMatchObject({ code: 'REQUEST_LIMITED', details: [{ code: 'LIMIT_EXCEEDED' }] });
            expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
            expect(fixture.emulator.admin.stats().status429).toBe(2);
            // Buckets are per environment: organization-level calls have their own.
            expect((await call(fixture.emulator, 'GET', '/v1/environments', { token: fixture.token })).status).toBe(200);
        } finally {
            fixture.emulator.admin.setRateLimit(undefined);
        }
    });

    it('answers a configured share of 500/502/503, 503 with Retry-After, deterministically under a seed', async () => {
        const run = async () => {
            fixture.emulator.admin.setFaults({ errorRate: 0.5, seed: 'dice' });
            const result = await statuses(40);
            fixture.emulator.admin.setFaults({});
            return result;
        };
        const first = await run();
        expect(first.filter((status) => status >= 500).length).toBeGreaterThan(5);
        expect(first.filter((status) => status === 200).length).toBeGreaterThan(5);
        expect(first.every((status) => [200, 500, 502, 503].includes(status))).toBe(true);
        expect(await run()).toEqual(first);
        fixture.emulator.admin.setFaults({ errorRate: 1, errorStatuses: [503] });
        const unavailable = await call(fixture.emulator, 'GET', users(), { token: fixture.token });
        fixture.emulator.admin.setFaults({});
        expect(unavailable.status).toBe(503);
        expect(unavailable.headers['retry-after']).toBe('1');
        expect(unavailable.body.id).toBeTruthy();
    });

    it('drops connections without an answer', async () => {
        fixture.emulator.admin.setFaults({ dropRate: 1 });
        try {
            await expect(request(`${fixture.emulator.url}${users()}`, { headers: { authorization: `Bearer ${fixture.token}` } })).rejects.toThrow();
            expect(fixture.emulator.admin.stats().faults.drops).toBeGreaterThan(0);
        } finally {
            fixture.emulator.admin.setFaults({});
        }
    });

    it('cuts a JSON body short when the malformed fault fires, keeping status and headers', async () => {
        fixture.emulator.admin.setFaults({ malformedRate: 1 });
        try {
            const result = await call(fixture.emulator, 'GET', users(), { token: fixture.token });
            expect(result.status).toBe(200);
            expect(result.headers['content-type']).toBe('application/json');
            expect(() => JSON.parse(result.text)).toThrow();
        } finally {
            fixture.emulator.admin.setFaults({});
        }
    });

    it('answers a 2xx with `{}` when the empty-object fault fires, keeping status and content type, and counts it', async () => {
        fixture.emulator.admin.resetStats();
        fixture.emulator.admin.setFaults({ emptyObjectRate: 1 });
        try {
            const result = await call(fixture.emulator, 'GET', users(), { token: fixture.token });
            expect(result.status).toBe(200);
            expect(result.headers['content-type']).toBe('application/json');
            expect(result.text).toBe('{}');
            expect(fixture.emulator.admin.stats().faults.emptyObjects).toBe(1);
        } finally {
            fixture.emulator.admin.setFaults({});
        }
    });

    it('answers a 2xx with a 200 HTML page when the html fault fires, and leaves error answers alone', async () => {
        fixture.emulator.admin.resetStats();
        fixture.emulator.admin.setFaults({ htmlRate: 1 });
        try {
            const result = await call(fixture.emulator, 'GET', users(), { token: fixture.token });
            expect(result.status).toBe(200);
            expect(result.headers['content-type']).toMatch(/^text\/html/);
            expect(result.text).toMatch(/^<!DOCTYPE html>/);
            const refused = await call(fixture.emulator, 'GET', users(), { token: 'not-a-token' });
            expect(refused.status).toBe(401);
            expect(refused.headers['content-type']).toBe('application/json');
            expect(fixture.emulator.admin.stats().faults.htmlPages).toBe(1);
        } finally {
            fixture.emulator.admin.setFaults({});
        }
    });

    it('refuses a body-fault share outside 0..1', () => {
        expect(() => fixture.emulator.admin.setFaults({ htmlRate: 2 })).toThrow('faults.htmlRate must be a share from 0 to 1; got 2.');
        expect(() => fixture.emulator.admin.setFaults({ emptyObjectRate: -0.1 })).toThrow('faults.emptyObjectRate must be a share from 0 to 1');
    });

    it('adds latency', async () => {
        fixture.emulator.admin.setFaults({ latencyMs: 150 });
        try {
            const started = performance.now();
            await call(fixture.emulator, 'GET', users(), { token: fixture.token });
            // A lower bound only: a loaded machine may be slower, never faster.
            expect(performance.now() - started).toBeGreaterThanOrEqual(140);
        } finally {
            fixture.emulator.admin.setFaults({});
        }
    });

    it('expires a token early: 401 INVALID_TOKEN from then on, while a new token works', async () => {
        const doomed = await fixture.emulator.workerToken();
        fixture.emulator.admin.setFaults({ earlyExpiryRate: 1 });
        const first = await call(fixture.emulator, 'GET', users(), { token: doomed });
        fixture.emulator.admin.setFaults({});
        expect(first.status).toBe(401);
        expect(first.body.details[0].code).toBe('INVALID_TOKEN');
        expect((await call(fixture.emulator, 'GET', users(), { token: doomed })).status).toBe(401);
        expect((await call(fixture.emulator, 'GET', users(), { token: await fixture.emulator.workerToken() })).status).toBe(200);
    });

    it('expireAccessTokens ends every token minted before it and none minted right after, in the same second', async () => {
        const before = await fixture.emulator.workerToken();
        fixture.emulator.admin.expireAccessTokens();
        const after = await fixture.emulator.workerToken();
        expect((await call(fixture.emulator, 'GET', users(), { token: before })).status).toBe(401);
        expect((await call(fixture.emulator, 'GET', users(), { token: after })).status).toBe(200);
        fixture.token = after;
    });

    it('can limit the auth server only when asked: faults scoped to the API leave /as/token alone', async () => {
        fixture.emulator.admin.setFaults({ errorRate: 1, scope: 'api' });
        try {
            expect(typeof (await fixture.emulator.workerToken())).toBe('string');
            expect((await call(fixture.emulator, 'GET', users(), { token: fixture.token })).status).toBeGreaterThanOrEqual(500);
        } finally {
            fixture.emulator.admin.setFaults({});
        }
    });

    it('refuses fault shares outside 0..1', () => {
        expect(() => fixture.emulator.admin.setFaults({ errorRate: 2 })).toThrow(/errorRate/);
    });
});
