import type { RunLogLine, RunReport } from '../harness/index.js';
import type { CommandContext } from './command.js';
import { printJson } from './open-harness.js';
import { count, formatDuration } from './table.js';

/**
 * Prints a run's report and returns the exit code: 0 when it succeeded, 1 when it failed. stdout
 * carries only the result (the JSON report, or an action's output), so that it pipes into `jq`; the
 * summary line and any error go to stderr.
 */
export function reportRun(context: CommandContext, report: RunReport, json: boolean): number {
    if (json) {
        printJson(context, report);
    } else {
        const { added, updated, deleted } = report.counts;
        const what = report.kind === 'sync' ? `added ${added}, updated ${updated}, deleted ${deleted}; ` : '';
        const traffic = `${count(report.requests, 'request')}, ${count(report.retries, 'retry', 'retries')}`;
        const stored = report.kind === 'sync' ? ` (${formatDuration(report.storeMs)} of it in the store)` : '';
        context.stderr.write(
            `${report.kind} ${report.script} on ${report.connection}: ${report.status}; ${what}${traffic}, ${formatDuration(report.durationMs)}${stored}\n`,
        );
        if (report.status === 'success' && report.kind === 'action') context.stdout.write(`${JSON.stringify(report.output, null, 2)}\n`);
    }
    if (report.error !== undefined) {
        const { code, reason, message, hint } = report.error;
        const stable = stableCode(report.error);
        const origin = stable !== code || reason ? ` (${[code, reason].filter(Boolean).join('/')})` : '';
        context.stderr.write(`error ${stable}: ${message}${origin}\n`);
        if (hint) context.stderr.write(`  hint: ${hint}\n`);
    }
    return report.status === 'success' ? 0 : 1;
}

/** The code a caller can act on: the script's own (`user_exists`, `not_found`) when it gave one, else the harness's. */
function stableCode(error: NonNullable<RunReport['error']>): string {
    const payload = error.payload as { code?: unknown } | undefined;
    return typeof payload?.code === 'string' ? payload.code : error.code;
}

/**
 * Script log lines on stderr, terminal or not, --json or not (stdout carries only the result):
 * everything but debug, so that a resumed run or a reconciliation says so in a CI log too. On a
 * terminal each line first clears the progress line it would otherwise be appended to.
 */
export function scriptLogPrinter(context: CommandContext) {
    const clear = context.isTTY ? '\r\x1b[K' : '';
    return (line: RunLogLine) => {
        if (line.level !== 'debug') context.stderr.write(`${clear}[${line.level}] ${line.message}\n`);
    };
}
