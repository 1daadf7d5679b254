import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { NetworkError } from '../../src/errors/index.js';
import { abortableWait } from '../../src/http/abortable-wait.js';
import { requestJson } from '../../src/http/index.js';
import { TokenBucket } from '../../src/http/request-budget.js';
import { Semaphore } from '../../src/http/concurrency-limit.js';
import { sendJson } from '../support/loopback-server.js';
import { serverAndDispatcher } from './fixture.js';

const url = 'https://api.pingone.com/v1/environments/env/users';
const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('concurrency limit', () => {
    it('keeps at most maxConcurrency requests of a connection on the wire', async () => {
        const { server, dispatcher } = await serverAndDispatcher(
            async (_request, response) => {
                await later(20);
                sendJson(response, 200, {});
            },
            { maxConcurrency: 3 },
        );
        await Promise.all(Array.from({ length: 20 }, () => requestJson(dispatcher, { url })));
        expect(server.requests).toHaveLength(20);
        expect(server.maxInFlight).toBeLessThanOrEqual(3);
    });

    it('takes an aborted request out of the queue and frees nothing it did not hold', async () => {
        let answer: () => void = () => {};
        const { server, dispatcher } = await serverAndDispatcher(
            (_request, response) =>
                new Promise<void>((resolve) => {
                    answer = () => {
                        sendJson(response, 200, {});
                        resolve();
                    };
                }),
            { maxConcurrency: 1 },
        );
        const first = request(url, { dispatcher });
        while (server.requests.length === 0) await later(5);
        const controller = new AbortController();
        const queued = request(url, { dispatcher, signal: controller.signal });
        controller.abort(new Error('no longer needed'));
        await expect(queued).rejects.toThrow('no longer needed');
        answer();
        await (await first).body.dump();
        const third = requestJson(dispatcher, { url });
        while (server.requests.length < 2) await later(5);
        answer();
        expect((await third).status).toBe(200);
        expect(server.requests).toHaveLength(2);
        expect(server.maxInFlight).toBe(1);
    });

    it('serves waiters in arrival order', async () => {
        const slots = new Semaphore(1);
        const order: number[] = [];
        const release = await slots.acquire();
        const waiters = [1, 2, 3].map((n) => slots.acquire().then((give) => (order.push(n), give())));
        release();
        await Promise.all(waiters);
        expect(order).toEqual([1, 2, 3]);
        expect(slots.inUse).toBe(0);
    });
});

describe('request budget', () => {
    it('spaces requests to the configured rate once the burst is spent', async () => {
        const { server, dispatcher } = await serverAndDispatcher((_request, response) => sendJson(response, 200, {}), { requestsPerSecond: 20, burst: 1 });
        await Promise.all(Array.from({ length: 5 }, () => requestJson(dispatcher, { url })));
        const times = server.requests.map((seen) => seen.at);
        // Four gaps of 50 ms. The first arrival can be delayed more than the last (it opens the
        // connection), so the bound keeps a margin; without the budget all five arrive within a few ms.
        expect(times[4]! - times[0]!).toBeGreaterThanOrEqual(150);
    });

    it('refills over time and never exceeds its capacity', async () => {
        let now = 0;
        const bucket = new TokenBucket({ requestsPerSecond: 10, burst: 2 }, { now: () => now, wait: abortableWait });
        await bucket.take();
        await bucket.take();
        now += 10_000;
        await bucket.take();
        await bucket.take();
        let third = false;
        void bucket.take().then(() => (third = true));
        await later(20);
        expect(third).toBe(false);
        // The bucket's own timer (100 ms for one token at 10/s) fires before this later one.
        now += 100;
        await later(150);
        expect(third).toBe(true);
    });

    it('rejects a budget that is not a positive rate', () => {
        expect(() => new TokenBucket({ requestsPerSecond: 0 })).toThrow(/above 0/);
    });
});

describe('timeouts', () => {
    it('ends a request whose answer never comes, as a NetworkError naming the host', async () => {
        const { dispatcher } = await serverAndDispatcher(() => new Promise<void>(() => {}), { timeouts: { headersMs: 200 }, retry: { maxRetries: 0 } });
        const error: unknown = await requestJson(dispatcher, { url }).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(NetworkError);
        expect((error as NetworkError).causeCode).toBe('UND_ERR_HEADERS_TIMEOUT');
        expect((error as NetworkError).message).toBe('Could not reach api.pingone.com (UND_ERR_HEADERS_TIMEOUT).');
    });
});
