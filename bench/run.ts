// `npm run bench`: every measurement in turn, one line per figure (or one JSON document with --json).
import { describeMachine } from './machine.js';
import { BenchUsageError, parseBenchOptions, usage, type MeasurementName } from './options.js';
import { formatHeader, formatLine, type BenchReport, type Measurement, type ReportLine } from './report.js';

/** Loaded one at a time, so a part that fails to load costs only its own measurement. */
const measurements: Record<MeasurementName, () => Promise<Measurement<never>>> = {
    store: async () => (await import('./store-throughput.js')).storeThroughput as Measurement<never>,
    cli: async () => (await import('./cli-start.js')).cliStart as Measurement<never>,
    throughput: async () => (await import('./throughput.js')).throughput as Measurement<never>,
    tokens: async () => (await import('./tokens.js')).tokens as Measurement<never>,
    rateLimit: async () => (await import('./rate-limit.js')).rateLimit as Measurement<never>,
    memory: async () => (await import('./memory.js')).memory as Measurement<never>,
    wan: async () => (await import('./wan.js')).wan as Measurement<never>,
};

async function main(argv: string[]): Promise<number> {
    let options;
    try {
        options = parseBenchOptions(argv);
    } catch (error) {
        if (!(error instanceof BenchUsageError)) throw error;
        process.stderr.write(`${error.message}\n`);
        return 2;
    }
    if (options === 'help') {
        process.stdout.write(usage);
        return 0;
    }
    const started = performance.now();
    const report: BenchReport = {
        date: new Date().toISOString(),
        machine: describeMachine(),
        quick: options.quick,
        durationSeconds: 0,
        throughput: null,
        memory: null,
        tokens: null,
        rateLimit: null,
        store: null,
        cli: null,
        wan: null,
        cliStartMs: null,
        cpu: null,
        verdicts: [],
        errors: {},
    };
    const say = (text: string) => {
        if (!options.json) process.stdout.write(`${text}\n`);
    };
    say(formatHeader(report));
    const context = { quick: options.quick, progress: (message: string) => (options.json ? undefined : process.stderr.write(`  … ${message}\n`)) };
    const failed = (name: MeasurementName, error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        report.errors[name] = message;
        say(`${name.padEnd(11)} FAILED: ${message}`);
    };
    const loaded: Array<[MeasurementName, Measurement<never>]> = [];
    for (const name of options.only) {
        try {
            loaded.push([name, await measurements[name]()]);
        } catch (error) {
            failed(name, error);
        }
    }
    const measure = async ([name, measurement]: [MeasurementName, Measurement<never>]) => {
        let lines: ReportLine[];
        try {
            const result = await measurement.run(context);
            report[name] = result;
            lines = measurement.lines(result);
        } catch (error) {
            failed(name, error);
            return;
        }
        for (const line of lines) {
            say(formatLine(line));
            if (line.target !== undefined) report.verdicts.push({ measurement: name, target: `${line.what}: ${line.target}`, met: line.met === true });
        }
    };
    const ofKind = (kind: Measurement<never>['kind']) => loaded.filter(([, measurement]) => measurement.kind === kind);
    for (const entry of ofKind('timed')) await measure(entry);
    const untimed = Promise.all(ofKind('untimed').map(measure));
    for (const entry of ofKind('paced')) await measure(entry);
    await untimed;
    const cli = report.cli as { startMs?: number } | null;
    report.cliStartMs = cli?.startMs ?? null;
    const perPage = (report.throughput as { cpuMsPerPage?: { harness: { client: number }; floor: { client: number } } } | null)?.cpuMsPerPage;
    report.cpu = perPage
        ? {
              harnessMsPerPage: perPage.harness.client,
              floorMsPerPage: perPage.floor.client,
              ratio: Math.round((perPage.harness.client / perPage.floor.client) * 100) / 100,
          }
        : null;
    report.durationSeconds = Math.round((performance.now() - started) / 1000);
    const missed = report.verdicts.filter((verdict) => !verdict.met).length;
    const failures = Object.keys(report.errors).length;
    if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else
        say(
            `\n${report.verdicts.length - missed} of ${report.verdicts.length} targets met, ${failures} measurement(s) failed, in ${report.durationSeconds} s.`,
        );
    return failures > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
