// The request budget adapts to the tenant: it climbs while PingOne sends no 429 and is cut on one
// (request-budget.test.ts follows the cuts and rises step by step on an instant clock). Measured against the emulator's rate limit; the assertions are on
// the budget's own rate and the emulator's counts, not on timings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPingOneDispatcher, requestJson, type PingOneDispatcher } from '../../src/http/index.js';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';

let emulator: TestEmulator;
let token: string;
const dispatchers: PingOneDispatcher[] = [];
beforeAll(async () => {
    emulator = await startTestEmulator();
    token = await emulator.workerToken();
});
afterAll(async () => {
    await Promise.all(dispatchers.map((dispatcher) => dispatcher.close()));
    await emulator?.close();
});

function dispatcher(requestsPerSecond: number, maxRequestsPerSecond: number): PingOneDispatcher {
    const made = createPingOneDispatcher({
        allowedHosts: [`auth.pingone.${emulator.tld}`, `api.pingone.${emulator.tld}`],
        emulatorOrigin: emulator.url,
        requestsPerSecond,
        maxRequestsPerSecond,
        burst: 1,
    });
    dispatchers.push(made);
    return made;
}

/** 16 callers reading the environment until `done()`; returns every status and the budget's rate after each answer. */
async function load(through: PingOneDispatcher, done: (answers: number) => boolean) {
    const url = `https://api.pingone.${emulator.tld}/v1/environments/${emulator.environmentId}`;
    const statuses: number[] = [];
    const rates: number[] = [];
    await Promise.all(
        Array.from({ length: 16 }, async () => {
            while (!done(statuses.length)) {
                const response = await requestJson(through, { url, headers: { authorization: `Bearer ${token}` } });
                statuses.push(response.status);
                rates.push(through.requestsPerSecond);
            }
        }),
    );
    return { statuses, rates };
}

describe('adaptive request budget', () => {
    it('climbs from its starting rate to its ceiling while the tenant sends no 429, doubling (slow start)', async () => {
        emulator.admin.setRateLimit(undefined);
        emulator.admin.resetStats();
        const budget = dispatcher(40, 160);
        expect(budget.requestsPerSecond).toBe(40);
        // Generous stop: doubling reaches the ceiling after 20 + 40 waited requests (steps of a
        // quarter would take 40 + 50 + ... + 150 = 1,140); 2,000 would mean it never is.
        const { statuses, rates } = await load(budget, (answers) => budget.requestsPerSecond >= 160 || answers >= 2_000);
        expect(budget.requestsPerSecond).toBe(160);
        expect([...new Set(rates)]).toEqual([40, 80, 160]);
        expect(statuses.length).toBeLessThan(200);
        expect(statuses.every((status) => status === 200)).toBe(true);
        expect(emulator.admin.stats().status429).toBe(0);
    }, 120_000);

    it('cuts its rate on a 429, below its start if need be, climbs again, and no request fails', async () => {
        emulator.admin.setRateLimit({ requestsPerSecond: 50, burst: 50 });
        emulator.admin.resetStats();
        try {
            const budget = dispatcher(40, 400);
            const { statuses, rates } = await load(budget, (answers) => answers >= 600);
            expect(emulator.admin.stats().status429).toBeGreaterThan(0);
            expect(statuses.filter((status) => status !== 200)).toEqual([]);
            expect(Math.max(...rates)).toBeGreaterThan(50);
            // Somewhere the rate fell: a 429 came back.
            const firstFall = rates.findIndex((rate, index) => index > 0 && rate < rates[index - 1]!);
            expect(firstFall).toBeGreaterThan(0);
            // And after it, it rose again while no 429 came.
            expect(rates.slice(firstFall).some((rate, index, after) => index > 0 && rate > after[index - 1]!)).toBe(true);
            // The tenant's 429s, not the ceiling, set where it stops climbing.
            expect(Math.max(...rates)).toBeLessThan(400);
        } finally {
            emulator.admin.setRateLimit(undefined);
        }
    }, 120_000);
});
