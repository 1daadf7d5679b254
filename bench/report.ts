// The bench report: one JSON document (`--json`) and the same figures as text lines.
import type { Machine } from './machine.js';
import type { MeasurementName } from './options.js';

/** One figure as printed: what was measured, the figures, how, and the verdict against its target. */
export interface ReportLine {
    what: string;
    figures: string;
    how: string;
    /** e.g. `≥ 0.90 of the floor`; absent for figures without a target. */
    target?: string;
    met?: boolean;
}

export interface Verdict {
    measurement: MeasurementName;
    target: string;
    met: boolean;
}

/** A measurement: runs, then describes its result as lines with verdicts. */
export interface Measurement<R> {
    name: MeasurementName;
    /**
     * `timed`: its figures are speeds, so it runs alone. `paced`: held to a rate (token lifetimes,
     * a rate limit), it needs little CPU. `untimed`: long, its figure is not a speed, so it runs
     * alongside the paced ones to keep the whole bench within a few minutes.
     */
    kind: 'timed' | 'paced' | 'untimed';
    run(context: MeasurementContext): Promise<R>;
    lines(result: R): ReportLine[];
}

export interface MeasurementContext {
    quick: boolean;
    /** Progress for a person watching (stderr); silent with --json. */
    progress(message: string): void;
}

/**
 * The `--json` document. Each measurement's figures sit under its name (null when it was not run or
 * failed; `errors` says why); `cliStartMs` repeats `cli.startMs` at the top level, and `cpu` the client CPU of `throughput.cpuMsPerPage`.
 */
export interface BenchReport {
    date: string;
    machine: Machine;
    quick: boolean;
    durationSeconds: number;
    throughput: unknown;
    memory: unknown;
    tokens: unknown;
    rateLimit: unknown;
    store: unknown;
    cli: unknown;
    wan: unknown;
    cliStartMs: number | null;
    /** The client CPU a page costs the harness and the floor, from `throughput.cpuMsPerPage`; null without it. */
    cpu: { harnessMsPerPage: number; floorMsPerPage: number; ratio: number } | null;
    verdicts: Verdict[];
    errors: Partial<Record<MeasurementName, string>>;
}

export function formatLine(line: ReportLine): string {
    const verdict = line.target === undefined ? '' : `  [target ${line.target}: ${line.met ? 'met' : 'MISSED'}]`;
    return `${line.what.padEnd(11)} ${line.figures}${verdict}\n${' '.repeat(12)}how: ${line.how}`;
}

export function formatHeader(report: Pick<BenchReport, 'date' | 'machine' | 'quick'>): string {
    const { machine } = report;
    return [
        `pingone-connector bench ${report.quick ? '(--quick: small sizes, not figures to publish) ' : ''}${report.date}`,
        `machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGB} GB, Node ${machine.node}, ${machine.platform}`,
    ].join('\n');
}
