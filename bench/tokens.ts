// Tokens: 64 concurrent callers keep one connection busy over several short token lifetimes; the
// emulator counts the token requests. One per lifetime means single flight and renewal before expiry.
import { benchConnection, openBenchHarness } from './bench-harness.js';
import { startEmulatorProcess } from './emulator-process.js';
import type { Measurement } from './report.js';
import { grouped, round } from './stats.js';

export interface TokensResult {
    /** Token requests the emulator answered during the load. */
    requests: number;
    /** Token lifetimes the load lasted (duration / lifetime). */
    lifetimes: number;
    lifetimeSeconds: number;
    concurrency: number;
    seconds: number;
    apiRequests: number;
    /** Answers 401 (a token used after it expired) and calls that failed. */
    status401: number;
    failed: number;
    /** Requests allowed: one per lifetime begun, plus one for renewing ahead of expiry. */
    allowed: number;
}

const concurrency = 64;

export const tokens: Measurement<TokensResult> = {
    name: 'tokens',
    kind: 'paced',
    async run({ quick, progress }) {
        // Long enough that renewing a couple of seconds ahead of expiry (as any client must: JWT `exp` is
        // in whole seconds, and a request takes time to arrive) is a small part of each lifetime.
        const lifetimeSeconds = quick ? 10 : 20;
        const lifetimesWanted = quick ? 2 : 3;
        const emulator = await startEmulatorProcess({ users: 1_000, seed: 'bench-tokens', tokenLifetimeSeconds: lifetimeSeconds });
        const bench = await openBenchHarness(emulator, 'tokens');
        try {
            const endpoint = `/v1/environments/${emulator.environmentId}/users?limit=1`;
            await emulator.admin('resetStats');
            progress(`tokens: ${concurrency} concurrent callers for ${lifetimesWanted} token lifetimes of ${lifetimeSeconds} s`);
            const started = performance.now();
            const deadline = started + lifetimesWanted * lifetimeSeconds * 1000;
            let failed = 0;
            let apiRequests = 0;
            const caller = async () => {
                while (performance.now() < deadline) {
                    try {
                        const response = await bench.harness.request(benchConnection, { method: 'GET', endpoint });
                        if (response.status !== 200) failed++;
                    } catch {
                        failed++;
                    }
                    apiRequests++;
                }
            };
            await Promise.all(Array.from({ length: concurrency }, caller));
            const seconds = (performance.now() - started) / 1000;
            const stats = await emulator.admin('stats');
            const lifetimes = seconds / lifetimeSeconds;
            return {
                requests: stats.tokenRequests,
                lifetimes: round(lifetimes, 2),
                lifetimeSeconds,
                concurrency,
                seconds: round(seconds, 1),
                apiRequests,
                status401: stats.byStatus['401'] ?? 0,
                failed,
                allowed: Math.ceil(lifetimes) + 1,
            };
        } finally {
            await bench.close();
            await emulator.close();
        }
    },
    lines(result) {
        return [
            {
                what: 'tokens',
                figures: `${result.requests} token requests over ${result.lifetimes.toFixed(1)} lifetimes (${result.status401} answers 401, ${result.failed} failed calls)`,
                how: `${result.concurrency} concurrent callers through harness.request on one connection for ${result.seconds} s (${grouped(result.apiRequests)} API calls), emulator tokens living ${result.lifetimeSeconds} s; counted by the emulator`,
                target: `≤ 1 per lifetime begun (+1 for renewing ahead of expiry): ≤ ${result.allowed}, no 401, no failure`,
                met: result.requests <= result.allowed && result.status401 === 0 && result.failed === 0,
            },
        ];
    },
};
