// Rate limit: a fan-out sync (`user-role-assignments`: one request per user) against an emulator
// that allows a fixed rate. How close does the connector run to the limit, and does anything fail?
import { benchConnection, openBenchHarness } from './bench-harness.js';
import { startEmulatorProcess } from './emulator-process.js';
import type { Measurement } from './report.js';
import { grouped, round } from './stats.js';

export interface RateLimitResult {
    /** Requests per second the emulator allows (token bucket, burst of one second's worth). */
    limit: number;
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

export const rateLimitTarget = 0.9;
const sync = 'user-role-assignments';

export const rateLimit: Measurement<RateLimitResult> = {
    name: 'rateLimit',
    kind: 'paced',
    async run({ quick, progress }) {
        const limit = 40;
        const users = quick ? 200 : 1_000;
        const emulator = await startEmulatorProcess({ users, seed: 'bench-rate-limit', rateLimit: { requestsPerSecond: limit } });
        const bench = await openBenchHarness(emulator, 'rate-limit');
        try {
            progress(`rate limit: ${sync} sync over ${grouped(users)} users, emulator limited to ${limit} requests/s`);
            await emulator.admin('resetStats');
            const started = performance.now();
            const report = await bench.harness.runSync(benchConnection, sync, { full: true });
            const seconds = (performance.now() - started) / 1000;
            const stats = await emulator.admin('stats');
            const answered = Object.entries(stats.byStatus);
            const accepted = answered.filter(([status]) => status.startsWith('2')).reduce((sum, [, count]) => sum + count, 0);
            const otherFailures = answered.filter(([status]) => !status.startsWith('2') && status !== '429').reduce((sum, [, count]) => sum + count, 0);
            const achieved = Math.max(0, accepted - limit) / seconds;
            return {
                limit,
                achieved: round(achieved, 1),
                share: round(achieved / limit, 3),
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
            await bench.close();
            await emulator.close();
        }
    },
    lines(result) {
        return [
            {
                what: 'rate limit',
                figures: `achieved ${result.achieved} of ${result.limit} requests/s: share ${result.share.toFixed(2)}, ${result.status429} answers 429, ${result.failed} failed`,
                how: `\`${sync}\` sync (one request per user, ${grouped(result.users)} users, ${grouped(result.records)} records) against an emulator limited to ${result.limit} requests/s; ${grouped(result.accepted)} accepted requests in ${result.seconds} s, the first second's burst left out; ${result.retries} retries`,
                target: `≥ ${result.target.toFixed(2)} of the limit, no failure`,
                met: result.share >= result.target && result.failed === 0,
            },
        ];
    },
};
