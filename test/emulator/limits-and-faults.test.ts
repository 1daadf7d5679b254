import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { call } from './http.js';

describe('emulator: rate limiting and faults', () => {
    let emulator: TestEmulator;
    let token: string;
    beforeAll(async () => {
        emulator = await startTestEmulator();
        token = await emulator.workerToken();
    });
    afterAll(() => emulator.close());

    const users = () => `/v1/environments/${emulator.environmentId}/users?limit=1`;
    const statuses = async (count: number) => {
        const result: number[] = [];
        for (let i = 0; i < count; i++) result.push((await call(emulator, 'GET', users(), { token })).status);
        return result;
    };

    it('is off by default: a burst of requests all succeed', async () => {
        expect(new Set(await statuses(30))).toEqual(new Set([200]));
    });

    it('answers 429 REQUEST_LIMITED with Retry-After once the bucket is empty, and counts it', async () => {
        emulator.admin.resetStats();
        // 0.2 per second refills nothing noticeable during the test, so the burst of 3 is all there is.
        emulator.admin.setRateLimit({ requestsPerSecond: 0.2, burst: 3 });
        try {
            const results = [];
            for (let i = 0; i < 5; i++) results.push(await call(emulator, 'GET', users(), { token }));
            expect(results.slice(0, 3).map((result) => result.status)).toEqual([200, 200, 200]);
            const limited = results[3]!;
            expect(limited.status).toBe(429);
            expect(limited.body).toMatchObject({ code: 'REQUEST_LIMITED', details: [{ code: 'LIMIT_EXCEEDED' }] });
            expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
            expect(emulator.admin.stats().status429).toBe(2);
            // Buckets are per environment: organization-level calls have their own.
            expect((await call(emulator, 'GET', '/v1/environments', { token })).status).toBe(200);
        } finally {
            emulator.admin.setRateLimit(undefined);
        }
    });

    it('answers a configured share of 500/502/503, 503 with Retry-After, deterministically under a seed', async () => {
        const run = async () => {
            emulator.admin.setFaults({ errorRate: 0.5, seed: 'dice' });
            const result = await statuses(40);
            emulator.admin.setFaults({});
            return result;
        };
        const first = await run();
        expect(first.filter((status) => status >= 500).length).toBeGreaterThan(5);
        expect(first.filter((status) => status === 200).length).toBeGreaterThan(5);
        expect(first.every((status) => [200, 500, 502, 503].includes(status))).toBe(true);
        expect(await run()).toEqual(first);
        emulator.admin.setFaults({ errorRate: 1, errorStatuses: [503] });
        const unavailable = await call(emulator, 'GET', users(), { token });
        emulator.admin.setFaults({});
        expect(unavailable.status).toBe(503);
        expect(unavailable.headers['retry-after']).toBe('1');
        expect(unavailable.body.id).toBeTruthy();
    });

    it('drops connections without an answer', async () => {
        emulator.admin.setFaults({ dropRate: 1 });
        try {
            await expect(request(`${emulator.url}${users()}`, { headers: { authorization: `Bearer ${token}` } })).rejects.toThrow();
            expect(emulator.admin.stats().faults.drops).toBeGreaterThan(0);
        } finally {
            emulator.admin.setFaults({});
        }
    });

    it('cuts a JSON body short when the malformed fault fires, keeping status and headers', async () => {
        emulator.admin.setFaults({ malformedRate: 1 });
        try {
            const result = await call(emulator, 'GET', users(), { token });
            expect(result.status).toBe(200);
            expect(result.headers['content-type']).toBe('application/json');
            expect(() => JSON.parse(result.text)).toThrow();
        } finally {
            emulator.admin.setFaults({});
        }
    });

    it('adds latency', async () => {
        emulator.admin.setFaults({ latencyMs: 150 });
        try {
            const started = performance.now();
            await call(emulator, 'GET', users(), { token });
            // A lower bound only: a loaded machine may be slower, never faster.
            expect(performance.now() - started).toBeGreaterThanOrEqual(140);
        } finally {
            emulator.admin.setFaults({});
        }
    });

    it('expires a token early: 401 INVALID_TOKEN from then on, while a new token works', async () => {
        const doomed = await emulator.workerToken();
        emulator.admin.setFaults({ earlyExpiryRate: 1 });
        const first = await call(emulator, 'GET', users(), { token: doomed });
        emulator.admin.setFaults({});
        expect(first.status).toBe(401);
        expect(first.body.details[0].code).toBe('INVALID_TOKEN');
        expect((await call(emulator, 'GET', users(), { token: doomed })).status).toBe(401);
        expect((await call(emulator, 'GET', users(), { token: await emulator.workerToken() })).status).toBe(200);
    });

    it('can limit the auth server only when asked: faults scoped to the API leave /as/token alone', async () => {
        emulator.admin.setFaults({ errorRate: 1, scope: 'api' });
        try {
            expect(typeof (await emulator.workerToken())).toBe('string');
            expect((await call(emulator, 'GET', users(), { token })).status).toBeGreaterThanOrEqual(500);
        } finally {
            emulator.admin.setFaults({});
        }
    });

    it('refuses fault shares outside 0..1', () => {
        expect(() => emulator.admin.setFaults({ errorRate: 2 })).toThrow(/errorRate/);
    });
});
