// The bench's report: its JSON shape from a real (quick, partial) run, and the verdicts its lines
// draw from figures. No timing is asserted: the figures depend on the machine.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cliStart } from '../../bench/cli-start.js';
import { memory, memoryGrowthLimit, memoryLimitMB, type MemoryResult } from '../../bench/memory.js';
import { parseBenchOptions } from '../../bench/options.js';
import { rateLimit, type RateLimitResult } from '../../bench/rate-limit.js';
import { wan, type WanResult } from '../../bench/wan.js';
import { throughput, type ThroughputResult } from '../../bench/throughput.js';
import { tokens, type TokensResult } from '../../bench/tokens.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));

async function bench(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
        const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'bench/run.ts', ...args], { cwd: root, maxBuffer: 10_000_000 });
        return { code: 0, stdout, stderr };
    } catch (error) {
        const failed = error as { code: number; stdout: string; stderr: string };
        return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
}

describe('npm run bench -- --quick --json', () => {
    it('prints one JSON document with every section the issue names, measured ones filled and the others null', async () => {
        const { code, stdout } = await bench(['--quick', '--json', '--only', 'store']);
        expect(code).toBe(0);
        const report = JSON.parse(stdout) as Record<string, unknown>;
        for (const key of ['throughput', 'memory', 'tokens', 'rateLimit', 'store', 'wan', 'cliStartMs', 'cpu', 'machine', 'date', 'verdicts', 'errors']) {
            expect(report).toHaveProperty(key);
        }
        expect(report['quick']).toBe(true);
        expect((report['store'] as { recordsPerSecond: unknown }).recordsPerSecond).toBeGreaterThan(0);
        expect(report['throughput']).toBeNull();
        expect(report['cliStartMs']).toBeNull();
        expect(report['errors']).toEqual({});
        expect((report['machine'] as { node: string }).node).toBe(process.version);
    }, 120_000);

    it('refuses an unknown measurement with exit code 2 and names the choices', async () => {
        const { code, stderr } = await bench(['--only', 'speed']);
        expect(code).toBe(2);
        expect(stderr).toContain('unknown measurement speed');
        expect(stderr).toContain('throughput');
    }, 60_000);
});

describe('bench options', () => {
    it('defaults to every measurement, text output, full sizes', () => {
        expect(parseBenchOptions([])).toEqual({ json: false, quick: false, only: ['store', 'cli', 'throughput', 'tokens', 'rateLimit', 'memory', 'wan'] });
    });

    it('reads --json, --quick and --only', () => {
        expect(parseBenchOptions(['--json', '--quick', '--only', 'tokens,memory'])).toEqual({ json: true, quick: true, only: ['tokens', 'memory'] });
    });
});

describe('bench verdicts', () => {
    const comparison = (ratio: number) => ({
        harness: 9_000,
        floor: 9_000 / ratio,
        ratio,
        users: 50_000,
        rounds: 3,
        harnessRounds: [],
        floorRounds: [],
        cpuMsPerPage: { harness: { client: 12.5, emulator: 3.75 }, floor: { client: 1.5, emulator: 3.5 } },
        harnessRequests: 501,
        harnessStoreMsPerPage: 6.25,
    });
    const throughputResult = (ratio: number, harnessCpu = 12.5): ThroughputResult => {
        const base = comparison(ratio);
        return {
            ...base,
            cpuMsPerPage: { ...base.cpuMsPerPage, harness: { ...base.cpuMsPerPage.harness, client: harnessCpu } },
            cpuTarget: 2,
            pageSize: 200,
            withLatency: { ...comparison(0.97), latencyMs: 20, users: 10_000 },
        };
    };

    it('the throughput ratio is a figure: the line carries both sides, with no target', () => {
        const [line] = throughput.lines(throughputResult(0.95));
        expect(line?.figures).toContain('9,000 records/s');
        expect(line?.figures).toContain('ratio 0.95');
        expect(line?.target).toBeUndefined();
    });

    it("the harness's client CPU a page is met at 2 × the floor's and missed above, beside the emulator's and the store's figures", () => {
        const [, met] = throughput.lines(throughputResult(0.5, 3));
        const [, missed] = throughput.lines(throughputResult(0.5, 3.1));
        expect([met?.met, missed?.met]).toEqual([true, false]);
        expect(throughput.lines(throughputResult(0.5))[1]?.figures).toBe(
            "harness 12.5 ms + emulator 3.8 ms; floor 1.5 ms + emulator 3.5 ms; the floor's wall time 11.1 ms a page; the harness's store calls 6.3 ms a page",
        );
    });

    it('the comparison at network latency is a figure without a target', () => {
        const [, , latency] = throughput.lines(throughputResult(0.5));
        expect(latency?.figures).toContain('with 20 ms added to every API answer');
        expect(latency?.figures).toContain('ratio 0.97');
        expect(latency?.target).toBeUndefined();
    });

    it('memory checks both the ceiling at the larger size and the growth over the smaller', () => {
        const result = (small: number, large: number): MemoryResult => ({
            rss100kMB: small,
            rss1mMB: large,
            growth: large / small,
            limitMB: memoryLimitMB,
            growthLimit: memoryGrowthLimit,
            runs: [
                { users: 100_000, rssMB: small, heapUsedMB: 0, seconds: 1, recordsPerSecond: 1 },
                { users: 1_000_000, rssMB: large, heapUsedMB: 0, seconds: 1, recordsPerSecond: 1 },
            ],
        });
        // Issue #18's targets: 160 MB at a million users, ×1.1 from 100,000.
        expect(memory.lines(result(140, 150)).map((line) => line.met)).toEqual([true, true]);
        expect(memory.lines(result(120, 150)).map((line) => line.met)).toEqual([true, false]);
        expect(memory.lines(result(150, 165)).map((line) => line.met)).toEqual([false, true]);
    });

    it('tokens fail on any 401 or failed call even when the count is within one per lifetime', () => {
        const result = (over: Partial<TokensResult>): TokensResult => ({
            requests: 5,
            lifetimes: 4,
            lifetimeSeconds: 2,
            concurrency: 64,
            seconds: 8,
            apiRequests: 400,
            status401: 0,
            failed: 0,
            allowed: 5,
            ...over,
        });
        expect(tokens.lines(result({}))[0]?.met).toBe(true);
        expect(tokens.lines(result({ requests: 6 }))[0]?.met).toBe(false);
        expect(tokens.lines(result({ status401: 1 }))[0]?.met).toBe(false);
    });

    it('rate limit needs 0.9 of the limit and no failed request', () => {
        const result = (share: number, failed: number): RateLimitResult => ({
            rounds: [
                {
                    limit: 40,
                    burst: 2,
                    licence: false,
                    resumed: false,
                    achieved: 40 * share,
                    share,
                    status429: 3,
                    failed,
                    target: 0.9,
                    users: 1_000,
                    seconds: 25,
                    accepted: 1_000,
                    records: 10,
                    retries: 3,
                },
            ],
        });
        expect(rateLimit.lines(result(0.95, 0))[0]?.met).toBe(true);
        expect(rateLimit.lines(result(0.95, 1))[0]?.met).toBe(false);
        expect(rateLimit.lines(result(0.8, 0))[0]?.met).toBe(false);
    });

    it('wan judges the harness against the latency-and-rate bound and against one cursor', () => {
        const result = (seconds: number): WanResult => ({
            users: 20_000,
            latencyMs: 80,
            requestsPerSecond: 100,
            partitions: 4,
            pages: 100,
            seconds,
            requests: 100,
            boundSeconds: 2,
            oneCursorSeconds: 8,
            ratioToBound: seconds / 2,
            speedup: 8 / seconds,
            targets: { ratioToBound: 1.2, speedup: 5 },
        });
        expect(wan.lines(result(1.5)).map((line) => line.met)).toEqual([true, true]);
        expect(wan.lines(result(8)).map((line) => line.met)).toEqual([false, false]);
        expect(wan.lines(result(2.2))[0]?.figures).toContain('vs bound 2 s');
    });

    it('cli start is held to 300 ms to the first request and 250 ms for --help', () => {
        const result = { startMs: 420, firstRunMs: 900, runs: [900, 420], totalMs: 600, command: 'pingone-connector request', helpMs: 200 };
        const [start, help] = cliStart.lines(result);
        expect(start?.figures).toContain('420 ms');
        expect(start?.target).toBe('≤ 300 ms');
        expect(start?.met).toBe(false);
        expect(help?.figures).toContain('200 ms');
        expect(help?.target).toBe('≤ 250 ms');
        expect(help?.met).toBe(true);
        expect(cliStart.lines({ ...result, startMs: 300, helpMs: 251 }).map((line) => line.met)).toEqual([true, false]);
    });
});
