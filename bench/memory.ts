// Memory vs size: peak RSS of a full `users` sync at two tenant sizes, each in a child process of
// its own (fresh heap, fresh database) against an emulator in yet another process.
import type { BenchEmulator } from './bench-harness.js';
import { exited, forkBenchChild, messageFrom } from './child-process.js';
import { startEmulatorProcess } from './emulator-process.js';
import type { MemoryChildReport } from './memory-protocol.js';
import type { Measurement } from './report.js';
import { grouped, round } from './stats.js';
import { cliNodeFlags } from './cli-node-flags.js';

export interface MemoryRun {
    users: number;
    rssMB: number;
    heapUsedMB: number;
    seconds: number;
    recordsPerSecond: number;
}

export interface MemoryResult {
    /** Peak RSS at 100,000 users; null when not measured (--quick uses smaller sizes). */
    rss100kMB: number | null;
    rss1mMB: number | null;
    /** Large over small. */
    growth: number;
    limitMB: number;
    growthLimit: number;
    runs: MemoryRun[];
}

export const memoryLimitMB = 250;
export const memoryGrowthLimit = 1.3;

const isReport = (message: unknown): message is MemoryChildReport => (message as MemoryChildReport | undefined)?.type === 'memory';

export async function measureSync(users: number): Promise<MemoryRun> {
    const emulator = await startEmulatorProcess({ users, seed: 'bench-memory' });
    try {
        const { users: expected } = await emulator.admin('userCount');
        // Flags as the CLI's: the heap budget is part of how a sync runs.
        const child = forkBenchChild('memory-child.ts', [], { nodeArgs: cliNodeFlags() });
        const target: BenchEmulator = { url: emulator.url, environmentId: emulator.environmentId, tld: emulator.tld, worker: emulator.worker };
        child.send(target);
        const report = await messageFrom(child, isReport);
        await exited(child);
        if (report.status !== 'success') throw new Error(`The users sync of ${grouped(users)} users failed: ${report.error ?? 'no message'}`);
        if (report.records !== expected) throw new Error(`The users sync added ${report.records} users; the emulator has ${expected}.`);
        return {
            users: expected,
            rssMB: round(report.maxRssMB, 1),
            heapUsedMB: round(report.heapUsedMB, 1),
            seconds: round(report.seconds, 1),
            recordsPerSecond: round(report.records / report.seconds),
        };
    } finally {
        await emulator.close();
    }
}

export const memory: Measurement<MemoryResult> = {
    name: 'memory',
    kind: 'untimed',
    async run({ quick, progress }) {
        const sizes = quick ? [5_000, 20_000] : [100_000, 1_000_000];
        const runs: MemoryRun[] = [];
        for (const users of sizes) {
            progress(`memory: full users sync of ${grouped(users)} users in a child process`);
            runs.push(await measureSync(users));
        }
        const [small, large] = runs as [MemoryRun, MemoryRun];
        const near = (run: MemoryRun, size: number) => (Math.abs(run.users - size) <= 10 ? run.rssMB : null);
        return {
            rss100kMB: near(small, 100_000),
            rss1mMB: near(large, 1_000_000),
            growth: round(large.rssMB / small.rssMB, 2),
            limitMB: memoryLimitMB,
            growthLimit: memoryGrowthLimit,
            runs,
        };
    },
    lines(result) {
        const [small, large] = result.runs as [MemoryRun, MemoryRun];
        const sizes = `${grouped(small.users)} → ${grouped(large.users)} users`;
        return [
            {
                what: 'memory',
                figures: `peak RSS ${small.rssMB} MB at ${grouped(small.users)} users, ${large.rssMB} MB at ${grouped(large.users)} users`,
                how: `full \`users\` sync in a child process (process.resourceUsage().maxRSS), emulator in another; ${small.seconds} s and ${large.seconds} s (${grouped(small.recordsPerSecond)} and ${grouped(large.recordsPerSecond)} records/s)`,
                target: `≤ ${result.limitMB} MB at the larger size`,
                met: large.rssMB <= result.limitMB,
            },
            {
                what: 'memory',
                figures: `growth ×${result.growth.toFixed(2)} for ${sizes}`,
                how: 'peak RSS at the larger size over peak RSS at the smaller',
                target: `≤ ×${result.growthLimit}`,
                met: result.growth <= result.growthLimit,
            },
        ];
    },
};
