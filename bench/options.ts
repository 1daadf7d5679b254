// The bench's command line: `npm run bench [-- --json] [--quick] [--only a,b]`.
import { parseArgs } from 'node:util';

export const measurementNames = ['store', 'cli', 'throughput', 'tokens', 'rateLimit', 'memory', 'wan'] as const;
export type MeasurementName = (typeof measurementNames)[number];

export interface BenchOptions {
    json: boolean;
    quick: boolean;
    only: readonly MeasurementName[];
}

export const usage = `Usage: npm run bench -- [--json] [--quick] [--only ${measurementNames.join(',')}]

Measures the connector against the PingOne emulator on this machine and prints one line per figure
with its target and verdict.
  --json    print one JSON document instead (the same figures)
  --quick   smaller sizes and fewer rounds: a check that everything runs, not figures to publish
  --only    run only these measurements (comma-separated)
`;

export class BenchUsageError extends Error {}

export function parseBenchOptions(argv: string[]): BenchOptions | 'help' {
    let parsed;
    try {
        parsed = parseArgs({
            args: argv,
            options: { json: { type: 'boolean' }, quick: { type: 'boolean' }, only: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
            strict: true,
            allowPositionals: false,
        });
    } catch (error) {
        throw new BenchUsageError(`${(error as Error).message}\n\n${usage}`);
    }
    if (parsed.values.help) return 'help';
    const only = parsed.values.only === undefined ? [...measurementNames] : parsed.values.only.split(',').map((name) => name.trim());
    const unknown = only.filter((name) => !(measurementNames as readonly string[]).includes(name));
    if (unknown.length > 0) throw new BenchUsageError(`--only: unknown measurement ${unknown.join(', ')}; choose from ${measurementNames.join(', ')}.`);
    return { json: parsed.values.json ?? false, quick: parsed.values.quick ?? false, only: only as MeasurementName[] };
}
