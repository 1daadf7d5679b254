// Memory vs size: peak RSS of a full `users` sync at two tenant sizes, each run by the CLI itself
// (`pingone-connector sync users --full`, plain Node on dist/, with its shebang's flags) on a new
// database, against an emulator in another process. The bench's own children run TypeScript through
// tsx, whose loader thread and caches cost some 30 MB that the installed CLI never carries.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { benchConnection, openBenchHarness } from './bench-harness.js';
import { builtCli, cliNodeFlags } from './cli-node-flags.js';
import { startEmulatorProcess } from './emulator-process.js';
import type { Measurement } from './report.js';
import { grouped, round } from './stats.js';

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

/** Issue #18's targets: at most 160 MB at a million users, and at most ×1.1 from 100,000. */
export const memoryLimitMB = 160;
export const memoryGrowthLimit = 1.1;

const run = promisify(execFile);

/**
 * Loaded before the CLI (`--import`): at exit it writes the process's peak RSS (resourceUsage().maxRSS,
 * in kilobytes: the high-water mark of the whole process) and its heap in use to the file named by
 * the variable, since the parent cannot read a child's rusage from Node.
 */
const reportAtExit = `data:text/javascript,${encodeURIComponent(
    `import { writeFileSync } from 'node:fs';
    process.once('exit', () => writeFileSync(process.env.BENCH_MEMORY_REPORT, JSON.stringify({ maxRssKB: process.resourceUsage().maxRSS, heapUsed: process.memoryUsage().heapUsed })));`,
)}`;

interface CliRunReport {
    status: string;
    counts: { added: number };
    error?: { message: string };
}

export async function measureSync(users: number): Promise<MemoryRun> {
    const emulator = await startEmulatorProcess({ users, seed: 'bench-memory' });
    const bench = await openBenchHarness(emulator, 'memory');
    try {
        const { users: expected } = await emulator.admin('userCount');
        await bench.release();
        const reportPath = join(dirname(bench.dbPath), 'memory.json');
        const started = performance.now();
        const { stdout } = await run(
            process.execPath,
            [
                ...cliNodeFlags(),
                '--import',
                reportAtExit,
                builtCli(),
                'sync',
                'users',
                '--connection',
                benchConnection,
                '--db',
                bench.dbPath,
                '--full',
                '--json',
            ],
            // No PINGONE_* variable of the caller's may reach the CLI; the bench's folder has no .env.
            { cwd: dirname(bench.dbPath), env: { PATH: process.env.PATH, BENCH_MEMORY_REPORT: reportPath }, maxBuffer: 2 ** 20 },
        );
        const seconds = (performance.now() - started) / 1000;
        const report = JSON.parse(stdout) as CliRunReport;
        if (report.status !== 'success') throw new Error(`The users sync of ${grouped(users)} users failed: ${report.error?.message ?? 'no message'}`);
        if (report.counts.added !== expected) throw new Error(`The users sync added ${report.counts.added} users; the emulator has ${expected}.`);
        const peak = JSON.parse(readFileSync(reportPath, 'utf8')) as { maxRssKB: number; heapUsed: number };
        return {
            users: expected,
            rssMB: round(peak.maxRssKB / 1024, 1),
            heapUsedMB: round(peak.heapUsed / 2 ** 20, 1),
            seconds: round(seconds, 1),
            recordsPerSecond: round(expected / seconds),
        };
    } finally {
        await bench.close();
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
            progress(`memory: full users sync of ${grouped(users)} users by the CLI`);
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
                how: `full \`users\` sync by the CLI (\`pingone-connector sync users --full\`, its shebang's Node flags; process.resourceUsage().maxRSS at exit), emulator in another process; ${small.seconds} s and ${large.seconds} s (${grouped(small.recordsPerSecond)} and ${grouped(large.recordsPerSecond)} records/s)`,
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
