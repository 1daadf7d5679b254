// Throughput vs the floor: the `users` sync through the harness (paging, zod validation, SQLite
// writes) against a bare undici loop over the same pages of the same emulator, alternating. Each
// round also records the CPU time both processes spent, which says why the ratio is what it is; and
// a smaller comparison repeats it with latency added to every answer, as over a network.
import { USERS_PAGE_SIZE } from '../connectors/shared/pingone.js';
import { benchConnection, openBenchHarness } from './bench-harness.js';
import { startEmulatorProcess, type EmulatorProcess } from './emulator-process.js';
import { floorWalk } from './floor.js';
import type { Measurement, MeasurementContext } from './report.js';
import { grouped, median, round } from './stats.js';

/** CPU time per page in ms: of the bench process (all its threads), and of the emulator child. */
export interface CpuPerPage {
    client: number;
    emulator: number;
}

/** The harness against the floor over the same emulator: records per second, medians of the rounds. */
export interface Comparison {
    harness: number;
    floor: number;
    ratio: number;
    users: number;
    rounds: number;
    harnessRounds: number[];
    floorRounds: number[];
    /** Medians of the rounds. */
    cpuMsPerPage: { harness: CpuPerPage; floor: CpuPerPage };
    /** Of a harness page, the time its store calls took (the run report's `storeMs` over the pages); median of the rounds. */
    harnessStoreMsPerPage: number;
    /** API requests of one harness sync (pages and the token), for comparison with the floor's. */
    harnessRequests: number;
}

export interface ThroughputResult extends Comparison {
    /** The target of the CPU a page costs the harness's client, as a multiple of the floor's (the throughput ratio is a figure). */
    cpuTarget: number;
    pageSize: number;
    /** The same comparison with `latencyMs` added to every API answer; figures only, no target. */
    withLatency: Comparison & { latencyMs: number };
}

/** At most this many times the floor's client CPU a page (issue: the harness's CPU per page at most 2 × the floor's). */
export const cpuTarget = 2;
const networkLatencyMs = 20;

interface Round {
    perSecond: number;
    cpu: CpuPerPage;
}

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

/** Runs `walk` over `users` and measures its wall time and the CPU time per page this process and the emulator spent on it. */
async function measured<T>(emulator: EmulatorProcess, users: number, walk: () => Promise<T>): Promise<{ result: T; seconds: number; cpu: CpuPerPage }> {
    const pages = Math.ceil(users / USERS_PAGE_SIZE);
    const emulatorBefore = await emulator.admin('cpuUsage');
    const clientBefore = process.cpuUsage();
    const started = performance.now();
    const result = await walk();
    const seconds = (performance.now() - started) / 1000;
    const client = cpuMs(process.cpuUsage(clientBefore));
    const emulatorSpent = cpuMs(await emulator.admin('cpuUsage')) - cpuMs(emulatorBefore);
    return { result, seconds, cpu: { client: client / pages, emulator: emulatorSpent / pages } };
}

/** One full `users` sync into a new database (opening the harness is not timed). */
async function harnessRound(emulator: EmulatorProcess, expected: number): Promise<Round & { requests: number; storeMsPerPage: number }> {
    const bench = await openBenchHarness(emulator, 'throughput');
    try {
        const { result: report, seconds, cpu } = await measured(emulator, expected, () => bench.harness.runSync(benchConnection, 'users', { full: true }));
        if (report.status !== 'success') throw new Error(`The users sync failed: ${report.error?.message ?? 'no message'}`);
        if (report.counts.added !== expected) throw new Error(`The users sync added ${report.counts.added} users; the emulator has ${expected}.`);
        return { perSecond: expected / seconds, cpu, requests: report.requests, storeMsPerPage: report.storeMs / Math.ceil(expected / USERS_PAGE_SIZE) };
    } finally {
        await bench.close();
    }
}

async function floorRound(emulator: EmulatorProcess, expected: number): Promise<Round> {
    const { result: seen, seconds, cpu } = await measured(emulator, expected, () => floorWalk(emulator, USERS_PAGE_SIZE));
    if (seen !== expected) throw new Error(`The floor loop saw ${seen} users; the emulator has ${expected}.`);
    return { perSecond: expected / seconds, cpu };
}

const medianCpu = (rounds: readonly Round[]): CpuPerPage => ({
    client: round(median(rounds.map((each) => each.cpu.client)), 2),
    emulator: round(median(rounds.map((each) => each.cpu.emulator)), 2),
});

/** Alternating rounds of the floor and the harness over one emulator, after a warm-up of each. */
async function compare(emulator: EmulatorProcess, rounds: number, progress: MeasurementContext['progress'], label: string): Promise<Comparison> {
    const { users } = await emulator.admin('userCount');
    // Warm-up: both paths load their code and the emulator's JIT settles before anything is timed.
    await floorRound(emulator, users);
    await harnessRound(emulator, users);
    const harnessRounds: Awaited<ReturnType<typeof harnessRound>>[] = [];
    const floorRounds: Round[] = [];
    for (let index = 0; index < rounds; index++) {
        progress(`${label}: round ${index + 1} of ${rounds} (${grouped(users)} users each way)`);
        // Alternate which goes first, so that neither always runs on a warmer (or busier) machine.
        const order = index % 2 === 0 ? (['floor', 'harness'] as const) : (['harness', 'floor'] as const);
        for (const which of order) {
            if (which === 'floor') floorRounds.push(await floorRound(emulator, users));
            else harnessRounds.push(await harnessRound(emulator, users));
        }
    }
    const harness = median(harnessRounds.map((each) => each.perSecond));
    const floor = median(floorRounds.map((each) => each.perSecond));
    return {
        harness: round(harness),
        floor: round(floor),
        ratio: round(harness / floor, 3),
        users,
        rounds,
        harnessRounds: harnessRounds.map((each) => round(each.perSecond)),
        floorRounds: floorRounds.map((each) => round(each.perSecond)),
        cpuMsPerPage: { harness: medianCpu(harnessRounds), floor: medianCpu(floorRounds) },
        harnessStoreMsPerPage: round(median(harnessRounds.map((each) => each.storeMsPerPage)), 2),
        harnessRequests: harnessRounds.at(-1)?.requests ?? 0,
    };
}

async function withEmulator<T>(options: Parameters<typeof startEmulatorProcess>[0], use: (emulator: EmulatorProcess) => Promise<T>): Promise<T> {
    const emulator = await startEmulatorProcess(options);
    try {
        return await use(emulator);
    } finally {
        await emulator.close();
    }
}

export const throughput: Measurement<ThroughputResult> = {
    name: 'throughput',
    kind: 'timed',
    async run({ quick, progress }) {
        const loopback = await withEmulator({ users: quick ? 5_000 : 50_000, seed: 'bench-throughput' }, (emulator) =>
            compare(emulator, quick ? 1 : 3, progress, 'throughput'),
        );
        const overNetwork = await withEmulator(
            { users: quick ? 2_000 : 10_000, seed: 'bench-throughput', faults: { latencyMs: networkLatencyMs, scope: 'api' } },
            (emulator) => compare(emulator, quick ? 1 : 2, progress, `throughput at ${networkLatencyMs} ms latency`),
        );
        return {
            ...loopback,
            cpuTarget,
            pageSize: USERS_PAGE_SIZE,
            withLatency: { ...overNetwork, latencyMs: networkLatencyMs },
        };
    },
    lines(result) {
        const { harness, floor } = result.cpuMsPerPage;
        const latency = result.withLatency;
        return [
            {
                what: 'throughput',
                figures: `harness ${grouped(result.harness)} records/s vs floor ${grouped(result.floor)} records/s: ratio ${result.ratio.toFixed(2)}`,
                how: `full \`users\` sync via openHarness (paging, zod validation, SQLite, checkpoints) vs a bare undici loop following _links.next.href; same emulator (own process), ${grouped(result.users)} users, limit=${result.pageSize}, ${result.rounds} alternating round(s), medians`,
            },
            {
                what: 'cpu/page',
                figures: `harness ${harness.client.toFixed(1)} ms + emulator ${harness.emulator.toFixed(1)} ms; floor ${floor.client.toFixed(1)} ms + emulator ${floor.emulator.toFixed(1)} ms; the floor's wall time ${((1000 * result.pageSize) / result.floor).toFixed(1)} ms a page; the harness's store calls ${result.harnessStoreMsPerPage.toFixed(1)} ms a page`,
                how: `process.cpuUsage() (user + system, all threads) of the bench process and of the emulator child over each throughput round, per ${result.pageSize}-user page; the store's time is the sync report's storeMs (wall time of its store calls: serialising, hashing, SQLite); medians`,
                target: `client ≤ ${result.cpuTarget} × the floor's`,
                met: harness.client <= result.cpuTarget * floor.client,
            },
            {
                what: 'latency',
                figures: `with ${latency.latencyMs} ms added to every API answer: harness ${grouped(latency.harness)} records/s vs floor ${grouped(latency.floor)} records/s: ratio ${latency.ratio.toFixed(2)}`,
                how: `the same comparison against an emulator whose /v1 answers each wait ${latency.latencyMs} ms (faults.latencyMs), as over a network; ${grouped(latency.users)} users, ${latency.rounds} alternating round(s), medians`,
            },
        ];
    },
};
