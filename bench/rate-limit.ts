// Rate limit: a fan-out sync (`user-role-assignments`: one request per user) against an emulator
// that allows a fixed rate, with bursts from one second's worth down to one. Each strict limit runs
// three times: with the limit unknown (the budget finds it from the 429s); in the next command on the
// same connection (which starts from the rate the first one found and saved); and with the
// connection's metadata giving the licence's rate (`maxRequestsPerSecond`), as its docs tell users to.
// How close does the connector run to the limit, and does anything fail?
import { dirname } from 'node:path';
import { openHarness, type Harness } from '../src/harness/index.js';
import { benchConnection, openBenchHarness } from './bench-harness.js';
import { startEmulatorProcess } from './emulator-process.js';
import type { Measurement } from './report.js';
import { grouped, round } from './stats.js';

/** One sync against one limit. */
export interface RateLimitRound {
    /** Requests per second the emulator allows (token bucket). */
    limit: number;
    /** Requests the emulator's bucket allows at once (its capacity). */
    burst: number;
    /** Whether the connection's metadata gave the limit (`maxRequestsPerSecond`); otherwise the budget found it. */
    licence: boolean;
    /** Whether the sync measured is the next command's, which starts from the rate an earlier one found (otherwise it is the first). */
    resumed: boolean;
    /** Requests per second the emulator accepted during the sync, the initial burst left out. */
    achieved: number;
    share: number;
    status429: number;
    /** Answers other than 2xx and 429, plus 1 if the sync failed. */
    failed: number;
    target: number;
    users: number;
    seconds: number;
    accepted: number;
    records: number;
    retries: number;
}

export interface RateLimitResult {
    rounds: RateLimitRound[];
}

export const rateLimitTarget = 0.9;
const sync = 'user-role-assignments';

interface Limit {
    requestsPerSecond: number;
    burst: number;
    licence: boolean;
    resumed: boolean;
}

/**
 * The limits measured: PingOne's burst size is not documented, so small ones are measured too. Above
 * the fan-out's own pace (50/s, for Nango, where no budget adapts) only a licence given lets it go faster.
 */
const limits: readonly Limit[] = [
    { requestsPerSecond: 40, burst: 40, licence: false, resumed: false },
    { requestsPerSecond: 20, burst: 2, licence: false, resumed: false },
    { requestsPerSecond: 10, burst: 1, licence: false, resumed: false },
    { requestsPerSecond: 20, burst: 2, licence: false, resumed: true },
    { requestsPerSecond: 10, burst: 1, licence: false, resumed: true },
    { requestsPerSecond: 100, burst: 2, licence: true, resumed: false },
    { requestsPerSecond: 20, burst: 2, licence: true, resumed: false },
    { requestsPerSecond: 10, burst: 1, licence: true, resumed: false },
];

async function measureRound(limit: Limit, users: number, progress: (line: string) => void): Promise<RateLimitRound> {
    const emulator = await startEmulatorProcess({ users, seed: 'bench-rate-limit', rateLimit: limit });
    const bench = await openBenchHarness(emulator, 'rate-limit');
    let next: Harness | undefined;
    try {
        progress(
            `rate limit: ${sync} sync over ${grouped(users)} users, emulator limited to ${limit.requestsPerSecond} requests/s, burst ${limit.burst}${limit.licence ? ', the licence rate given' : ''}${limit.resumed ? ', the next command after one that found it' : ''}`,
        );
        if (limit.licence) bench.harness.store.metadata.set(benchConnection, { maxRequestsPerSecond: limit.requestsPerSecond });
        let harness = bench.harness;
        if (limit.resumed) {
            // The command before finds the limit and saves what it found with the connection; the next
            // command is another harness on the same database, as another CLI process would be.
            await harness.runSync(benchConnection, sync, { full: true });
            await bench.release();
            next = openHarness({ dbPath: bench.dbPath, cwd: dirname(bench.dbPath), env: {} });
            harness = next;
        }
        await emulator.admin('resetStats');
        const started = performance.now();
        const report = await harness.runSync(benchConnection, sync, { full: true });
        const seconds = (performance.now() - started) / 1000;
        const stats = await emulator.admin('stats');
        const answered = Object.entries(stats.byStatus);
        const accepted = answered.filter(([status]) => status.startsWith('2')).reduce((sum, [, count]) => sum + count, 0);
        const otherFailures = answered.filter(([status]) => !status.startsWith('2') && status !== '429').reduce((sum, [, count]) => sum + count, 0);
        const achieved = Math.max(0, accepted - limit.burst) / seconds;
        return {
            limit: limit.requestsPerSecond,
            burst: limit.burst,
            licence: limit.licence,
            resumed: limit.resumed,
            achieved: round(achieved, 1),
            share: round(achieved / limit.requestsPerSecond, 3),
            status429: stats.status429,
            failed: otherFailures + (report.status === 'success' ? 0 : 1),
            target: rateLimitTarget,
            users: (await emulator.admin('userCount')).users,
            seconds: round(seconds, 1),
            accepted,
            records: report.counts.added,
            retries: report.retries,
        };
    } finally {
        await next?.close();
        await bench.close();
        await emulator.close();
    }
}

export const rateLimit: Measurement<RateLimitResult> = {
    name: 'rateLimit',
    kind: 'paced',
    async run({ quick, progress }) {
        const rounds: RateLimitRound[] = [];
        // A sync of about fifty seconds at each limit (ten in a quick run), so the start counts as it would.
        for (const limit of limits) rounds.push(await measureRound(limit, limit.requestsPerSecond * (quick ? 10 : 50), progress));
        return { rounds };
    },
    lines(result) {
        return result.rounds.map((round) => ({
            what: `rate limit, burst ${round.burst}, ${round.licence ? 'licence given' : round.resumed ? 'limit found before' : 'limit found'}`,
            figures: `achieved ${round.achieved} of ${round.limit} requests/s: share ${round.share.toFixed(2)}, ${round.status429} answers 429, ${round.failed} failed`,
            how: `\`${sync}\` sync (one request per user, ${grouped(round.users)} users, ${grouped(round.records)} records) against an emulator limited to ${round.limit} requests/s with a burst of ${round.burst}, ${round.licence ? "the connection's metadata giving that rate (maxRequestsPerSecond)" : round.resumed ? 'no rate given; the next command after one that found the limit: it starts from the rate that one saved' : 'no rate given: the budget starts at 50/s and finds the limit from the 429s'}; ${grouped(round.accepted)} accepted requests in ${round.seconds} s, the first burst left out; ${round.retries} retries`,
            target: `≥ ${round.target.toFixed(2)} of the limit, no failure`,
            met: round.share >= round.target && round.failed === 0,
        }));
    },
};
