// The request budget against a strict rate limit, on an instant clock (no real second is slept
// through): the emulator's own rate limiter, on the same clock, answers each request. The ratio of
// accepted requests to the limit is printed; the assertions are on counts, not on timings.
import { describe, expect, it } from 'vitest';

import { RateLimiter } from '../../src/emulator/faults/rate-limiter.js';
import { TokenBucket, type FoundRate } from '../../src/http/request-budget.js';
import { instantClock } from '../support/instant-clock.js';

/** Spends the saved-up burst and one more token, so that the budget runs at its rate (a 429 to the first burst cuts nothing). */
async function drain(bucket: TokenBucket, burst: number): Promise<void> {
    for (let i = 0; i <= burst; i++) await bucket.take();
}

describe('request budget after a 429', () => {
    it('answered during its first burst, stops bursting but keeps its rate', async () => {
        const clock = instantClock();
        const bucket = new TokenBucket({ requestsPerSecond: 20, burst: 20 }, clock);
        bucket.rateLimited(1000);
        expect(bucket.requestsPerSecond).toBe(20);
        await bucket.take();
        const first = clock.now();
        await bucket.take();
        expect(first).toBeGreaterThanOrEqual(1000);
        expect(clock.now() - first).toBeGreaterThanOrEqual(49);
    });

    it('holds every waiter until Retry-After, then releases them one at a time at its rate, not all at once', async () => {
        const clock = instantClock();
        const bucket = new TokenBucket({ requestsPerSecond: 20, burst: 20 }, clock);
        await drain(bucket, 20);
        const start = clock.now();
        bucket.rateLimited(1000);
        const times: number[] = [];
        for (let i = 0; i < 6; i++) times.push(await bucket.take().then(() => clock.now()));
        expect(times[0]).toBeGreaterThanOrEqual(start + 1000);
        const gaps = times.slice(1).map((time, index) => time - times[index]!);
        // The cut rate is 10/s: a token each 100 ms, nothing saved up during the hold.
        expect(gaps.every((gap) => gap >= 99)).toBe(true);
    });

    it('falls below its starting rate while 429s keep coming, down to its floor', async () => {
        const clock = instantClock();
        const bucket = new TokenBucket({ requestsPerSecond: 50, minRequestsPerSecond: 2, burst: 1 }, clock);
        await drain(bucket, 1);
        const rates: number[] = [];
        for (let i = 0; i < 8; i++) {
            clock.advance(1100);
            bucket.rateLimited(0);
            rates.push(bucket.requestsPerSecond);
        }
        expect(rates).toEqual([25, 12.5, 6.25, 3.125, 2, 2, 2, 2]);
    });

    it('counts the 429s of one moment once', async () => {
        const clock = instantClock();
        const bucket = new TokenBucket({ requestsPerSecond: 40, burst: 1 }, clock);
        await drain(bucket, 1);
        for (let i = 0; i < 8; i++) bucket.rateLimited(0);
        expect(bucket.requestsPerSecond).toBe(20);
    });

    it('climbs back while no 429 comes: quickly to 0.9 of the rate the 429 came at, then slowly past it', async () => {
        const clock = instantClock();
        const bucket = new TokenBucket({ requestsPerSecond: 40, maxRequestsPerSecond: 200, burst: 1 }, clock);
        await drain(bucket, 1);
        bucket.rateLimited(0);
        expect(bucket.requestsPerSecond).toBe(20);
        const rateAt = async (seconds: number) => {
            const until = clock.now() + seconds * 1000;
            while (clock.now() < until) await bucket.take();
            return bucket.requestsPerSecond;
        };
        expect(await rateAt(5)).toBeGreaterThanOrEqual(36);
        const recovered = bucket.requestsPerSecond;
        expect(await rateAt(5)).toBeLessThan(recovered * 1.1);
        // The probe doubles its rise every 30 s: past the old limit within two minutes.
        expect(await rateAt(120)).toBeGreaterThan(40);
    });
});

/**
 * One request at a time through the budget to the emulator's limiter; a 429 holds the budget for its
 * Retry-After and the request goes again. Returns the accepted requests per second over the limit,
 * and what the budget found out (for a later run to resume from, `found`).
 */
async function throughput(
    limit: number,
    burst: number,
    requests: number,
    found?: FoundRate,
): Promise<{ ratio: number; limited: number; found: FoundRate | undefined }> {
    const clock = instantClock();
    const server = new RateLimiter({ requestsPerSecond: limit, burst }, () => clock.now());
    const bucket = new TokenBucket({ requestsPerSecond: 50, maxRequestsPerSecond: 200 }, clock);
    if (found !== undefined) bucket.resume(found);
    let limited = 0;
    for (let accepted = 0; accepted < requests;) {
        await bucket.take();
        const retryAfter = server.take('environment');
        if (retryAfter === undefined) accepted++;
        else {
            limited++;
            bucket.rateLimited(retryAfter * 1000);
        }
    }
    return { ratio: requests / clock.now() / (limit / 1000), limited, found: bucket.found };
}

describe('request budget at a known rate', () => {
    it("limited to the licence's rate, runs just under it from the first request, never above it, and a 429 still cuts it", async () => {
        const clock = instantClock();
        const bucket = new TokenBucket({ requestsPerSecond: 50, maxRequestsPerSecond: 200, burst: 1 }, clock);
        bucket.limitTo(100);
        // 3% under: a request that arrives a few milliseconds early at a burst-1 limiter is a 429.
        expect(bucket.requestsPerSecond).toBeCloseTo(97, 9);
        const started = clock.now();
        for (let i = 0; i < 970; i++) await bucket.take();
        // 970 requests at 97/s: 10 s, give or take the first, with no climb past the rate.
        expect(clock.now() - started).toBeGreaterThanOrEqual(9_980);
        expect(bucket.requestsPerSecond).toBeCloseTo(97, 9);
        bucket.rateLimited(1000);
        expect(bucket.requestsPerSecond).toBeLessThan(97);
    });
});

describe('request budget under a strict limit with a small burst', () => {
    // Two minutes' worth of requests, the start (slow start's overshoot and the cuts after it)
    // included, at limits from 5 to 150 per second and bursts from 1 to 5: PingOne documents neither.
    const cases = [5, 10, 20, 50, 100, 150].flatMap((limit) => [1, 2, 5].map((burst) => ({ limit, burst })));
    it.each(cases)('$limit requests/s, burst $burst: at least 0.9 of the limit, with few 429s', async ({ limit, burst }) => {
        const { ratio, limited } = await throughput(limit, burst, limit * 120);
        console.log(`budget at ${limit}/s, burst ${burst}: ${ratio.toFixed(3)} of the limit over ${limit * 120} requests, ${limited} answered 429`);
        expect(ratio).toBeGreaterThanOrEqual(0.9);
        // The slow start's overshoot, then a 429 every 7.5 s at the most.
        expect(limited).toBeLessThanOrEqual(16);
    });
});

describe('request budget resumed from what an earlier run found', () => {
    it('knows nothing before a 429 or under a licence, and after 429s tells the rate it runs at and the rate the last 429 came at', async () => {
        const clock = instantClock();
        const bucket = new TokenBucket({ requestsPerSecond: 40, maxRequestsPerSecond: 200, burst: 1 }, clock);
        expect(bucket.found).toBeUndefined();
        await drain(bucket, 2);
        bucket.rateLimited(1000);
        expect(bucket.found).toEqual({ requestsPerSecond: 20, limitAt: 40 });
        bucket.limitTo(30);
        expect(bucket.found).toBeUndefined();
    });

    it('runs at the found rate from its first request, under the limit found, where a 429 is the small cut', async () => {
        const clock = instantClock();
        const bucket = new TokenBucket({ requestsPerSecond: 50, maxRequestsPerSecond: 200 }, clock);
        bucket.resume({ requestsPerSecond: 9.5, limitAt: 10 });
        expect(bucket.requestsPerSecond).toBe(9.5);
        const started = clock.now();
        for (let i = 0; i < 96; i++) await bucket.take();
        // 95 paced requests after the first at 9.5/s: 10 s, with no slow start from 50 and no climb past the limit.
        expect(clock.now() - started).toBeGreaterThanOrEqual(9_980);
        expect(bucket.requestsPerSecond).toBeLessThan(10);
        bucket.rateLimited(1000);
        expect(bucket.requestsPerSecond).toBeCloseTo(9.5 * 0.95, 1);
    });

    it('against the emulator limiter, a resumed budget reaches 0.95 of a 10/s burst-1 limit over a minute of requests, where finding it costs more', async () => {
        const first = await throughput(10, 1, 600);
        const second = await throughput(10, 1, 600, first.found);
        console.log(
            `600 requests at 10/s burst 1: ${first.ratio.toFixed(3)} finding the limit (${first.limited} answered 429), ${second.ratio.toFixed(3)} resumed (${second.limited})`,
        );
        expect(second.ratio).toBeGreaterThanOrEqual(0.95);
        expect(second.limited).toBeLessThanOrEqual(1);
        expect(second.ratio).toBeGreaterThan(first.ratio);
    });
});
