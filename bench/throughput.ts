// Throughput vs the floor: the `users` sync through the harness (paging, zod validation, SQLite
// writes) against a bare undici loop over the same pages of the same emulator, alternating.
import { USERS_PAGE_SIZE } from '../connectors/shared/pingone.js';
import { benchConnection, openBenchHarness } from './bench-harness.js';
import { startEmulatorProcess, type EmulatorProcess } from './emulator-process.js';
import { floorWalk } from './floor.js';
import type { Measurement } from './report.js';
import { grouped, median, round } from './stats.js';

export interface ThroughputResult {
    /** Records per second, median of the rounds. */
    harness: number;
    floor: number;
    ratio: number;
    target: number;
    users: number;
    pageSize: number;
    rounds: number;
    harnessRounds: number[];
    floorRounds: number[];
    /** API requests of one harness sync (pages), for comparison with the floor's. */
    harnessRequests: number;
}

export const throughputTarget = 0.9;

/** One full `users` sync into a new database; returns records per second. */
export async function harnessUsersSync(emulator: EmulatorProcess, expected: number): Promise<{ perSecond: number; requests: number }> {
    const bench = await openBenchHarness(emulator, 'throughput');
    try {
        const started = performance.now();
        const report = await bench.harness.runSync(benchConnection, 'users', { full: true });
        const seconds = (performance.now() - started) / 1000;
        if (report.status !== 'success') throw new Error(`The users sync failed: ${report.error?.message ?? 'no message'}`);
        if (report.counts.added !== expected) throw new Error(`The users sync added ${report.counts.added} users; the emulator has ${expected}.`);
        return { perSecond: report.counts.added / seconds, requests: report.requests };
    } finally {
        await bench.close();
    }
}

async function floorRound(emulator: EmulatorProcess, expected: number): Promise<number> {
    const started = performance.now();
    const seen = await floorWalk(emulator, USERS_PAGE_SIZE);
    const seconds = (performance.now() - started) / 1000;
    if (seen !== expected) throw new Error(`The floor loop saw ${seen} users; the emulator has ${expected}.`);
    return seen / seconds;
}

export const throughput: Measurement<ThroughputResult> = {
    name: 'throughput',
    kind: 'timed',
    async run({ quick, progress }) {
        const users = quick ? 5_000 : 50_000;
        const rounds = quick ? 1 : 3;
        const emulator = await startEmulatorProcess({ users, seed: 'bench-throughput' });
        try {
            const { users: expected } = await emulator.admin('userCount');
            // Warm-up: both paths load their code and the emulator's JIT settles before anything is timed.
            await floorWalk(emulator, USERS_PAGE_SIZE);
            const harnessRounds: number[] = [];
            const floorRounds: number[] = [];
            let harnessRequests = 0;
            for (let round = 0; round < rounds; round++) {
                progress(`throughput: round ${round + 1} of ${rounds} (${grouped(expected)} users each way)`);
                // Alternate which goes first, so that neither always runs on a warmer (or busier) machine.
                const order = round % 2 === 0 ? ['floor', 'harness'] : ['harness', 'floor'];
                for (const which of order) {
                    if (which === 'floor') floorRounds.push(await floorRound(emulator, expected));
                    else {
                        const result = await harnessUsersSync(emulator, expected);
                        harnessRounds.push(result.perSecond);
                        harnessRequests = result.requests;
                    }
                }
            }
            const harness = median(harnessRounds);
            const floor = median(floorRounds);
            return {
                harness: round(harness),
                floor: round(floor),
                ratio: round(harness / floor, 3),
                target: throughputTarget,
                users: expected,
                pageSize: USERS_PAGE_SIZE,
                rounds,
                harnessRounds: harnessRounds.map((value) => round(value)),
                floorRounds: floorRounds.map((value) => round(value)),
                harnessRequests,
            };
        } finally {
            await emulator.close();
        }
    },
    lines(result) {
        return [
            {
                what: 'throughput',
                figures: `harness ${grouped(result.harness)} records/s vs floor ${grouped(result.floor)} records/s: ratio ${result.ratio.toFixed(2)}`,
                how: `full \`users\` sync via openHarness (paging, zod validation, SQLite, checkpoints) vs a bare undici loop following _links.next.href; same emulator (own process), ${grouped(result.users)} users, limit=${result.pageSize}, ${result.rounds} alternating round(s), medians`,
                target: `≥ ${result.target.toFixed(2)} of the floor`,
                met: result.ratio >= result.target,
            },
        ];
    },
};
