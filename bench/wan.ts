// A first full `users` sync as over the internet: every API answer waits `latencyMs` and the
// environment is held to `requestsPerSecond`, as PingOne holds a licence to its rate. The harness's
// sync time is compared, in the same run, with two references: the lower bound that the latency
// and the rate limit leave, and a bare walk of the collection with one cursor.
import { USERS_PAGE_SIZE } from '../connectors/shared/pingone.js';
import { benchConnection, openBenchHarness } from './bench-harness.js';
import { startEmulatorProcess } from './emulator-process.js';
import { floorWalk } from './floor.js';
import type { Measurement } from './report.js';
import { grouped, round } from './stats.js';

export interface WanResult {
    users: number;
    latencyMs: number;
    requestsPerSecond: number;
    /** The sound split the API offers for users: one cursor per population. */
    partitions: number;
    pages: number;
    /** The harness's full `users` sync, wall time. */
    seconds: number;
    /** API requests the harness's sync sent (pages, and any re-reads). */
    requests: number;
    /** `max(requests / limit, pages × latency / partitions)`. */
    boundSeconds: number;
    /** A bare undici loop that follows `_links.next.href` from the first page to the last. */
    oneCursorSeconds: number;
    ratioToBound: number;
    speedup: number;
    targets: { ratioToBound: number; speedup: number };
}

const latencyMs = 80;
const requestsPerSecond = 100;
const targets = { ratioToBound: 1.2, speedup: 5 };

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number }> {
    const started = performance.now();
    const result = await work();
    return { result, seconds: (performance.now() - started) / 1000 };
}

export const wan: Measurement<WanResult> = {
    name: 'wan',
    kind: 'timed',
    async run({ quick, progress }) {
        const users = quick ? 20_000 : 200_000;
        const emulator = await startEmulatorProcess({
            users,
            populations: 8,
            seed: 'bench-wan',
            faults: { latencyMs, scope: 'api' },
            rateLimit: { requestsPerSecond },
        });
        try {
            const { users: seeded } = await emulator.admin('userCount');
            const { populations } = await emulator.admin('populationCount');
            const pages = Math.ceil(seeded / USERS_PAGE_SIZE);
            progress(`wan: one cursor over ${grouped(seeded)} users (${pages} pages at ${latencyMs} ms)`);
            const oneCursor = await timed(() => floorWalk(emulator, USERS_PAGE_SIZE));
            if (oneCursor.result !== seeded) throw new Error(`The one-cursor walk saw ${oneCursor.result} users; the emulator has ${seeded}.`);
            progress(`wan: the harness's full users sync over the same emulator`);
            const bench = await openBenchHarness(emulator, 'wan');
            // The licence's rate, as a user who knows it sets it: the budget runs there from the first request.
            bench.harness.store.metadata.set(benchConnection, { maxRequestsPerSecond: requestsPerSecond });
            let harness;
            try {
                harness = await timed(() => bench.harness.runSync(benchConnection, 'users', { full: true }));
            } finally {
                await bench.close();
            }
            const report = harness.result;
            if (report.status !== 'success') throw new Error(`The users sync failed: ${report.error?.message ?? 'no message'}`);
            if (report.counts.added !== seeded) throw new Error(`The users sync added ${report.counts.added} users; the emulator has ${seeded}.`);
            const boundSeconds = Math.max(report.requests / requestsPerSecond, (pages * latencyMs) / 1000 / populations);
            return {
                users: seeded,
                latencyMs,
                requestsPerSecond,
                partitions: populations,
                pages,
                seconds: round(harness.seconds, 1),
                requests: report.requests,
                boundSeconds: round(boundSeconds, 1),
                oneCursorSeconds: round(oneCursor.seconds, 1),
                ratioToBound: round(harness.seconds / boundSeconds, 2),
                speedup: round(oneCursor.seconds / harness.seconds, 2),
                targets,
            };
        } finally {
            await emulator.close();
        }
    },
    lines(result) {
        const how = `emulator in its own process, ${grouped(result.users)} users in ${result.partitions} populations, every API answer delayed ${result.latencyMs} ms, ${result.requestsPerSecond} requests/s per environment; bound = max(requests / limit, pages × latency / populations) with ${result.pages} pages of ${USERS_PAGE_SIZE}; one cursor = a bare undici loop following _links.next.href; the connection's metadata gives the licence's rate (maxRequestsPerSecond ${result.requestsPerSecond}); one run each`;
        return [
            {
                what: 'wan',
                figures: `harness ${result.seconds} s (${grouped(result.requests)} requests) vs bound ${result.boundSeconds} s: ratio ${result.ratioToBound.toFixed(2)}`,
                how,
                target: `≤ ${result.targets.ratioToBound.toFixed(1)} × the bound`,
                met: result.ratioToBound <= result.targets.ratioToBound,
            },
            {
                what: 'wan speed',
                figures: `one cursor ${result.oneCursorSeconds} s vs harness ${result.seconds} s: ${result.speedup.toFixed(2)} × faster`,
                how,
                target: `≥ ${result.targets.speedup} × faster than one cursor`,
                met: result.speedup >= result.targets.speedup,
            },
        ];
    },
};
