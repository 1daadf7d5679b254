import type { RunLogLine, RunReport } from '../harness/index.js';
import type { CommandContext } from './command.js';
import { printJson } from './open-harness.js';
import { count, formatDuration } from './table.js';

/** Prints a run's report (JSON or text) and returns the exit code: 0 when it succeeded, 1 when it failed. */
export function reportRun(context: CommandContext, report: RunReport, json: boolean): number {
    if (json) {
        printJson(context, report);
    } else {
        const { added, updated, deleted } = report.counts;
        const what = report.kind === 'sync' ? `added ${added}, updated ${updated}, deleted ${deleted}; ` : '';
        const traffic = `${count(report.requests, 'request')}, ${count(report.retries, 'retry', 'retries')}`;
        const stored = report.kind === 'sync' ? ` (${formatDuration(report.storeMs)} of it in the store)` : '';
        const summary = `${report.kind} ${report.script} on ${report.connection}: ${report.status}; ${what}${traffic}, ${formatDuration(report.durationMs)}${stored}\n`;
        if (report.status === 'success') {
            context.stdout.write(summary);
            if (report.kind === 'action') context.stdout.write(`${JSON.stringify(report.output, null, 2)}\n`);
        } else {
            context.stderr.write(summary);
        }
    }
    if (report.error !== undefined) {
        context.stderr.write(`error (${report.error.code}${report.error.reason ? `/${report.error.reason}` : ''}): ${report.error.message}\n`);
        if (report.error.hint) context.stderr.write(`  hint: ${report.error.hint}\n`);
    }
    return report.status === 'success' ? 0 : 1;
}

/**
 * Script log lines on stderr: warnings and errors always, the rest on a terminal without --json.
 * On a terminal each line first clears the progress line it would otherwise be appended to.
 */
export function scriptLogPrinter(context: CommandContext, json: boolean) {
    const clear = context.isTTY ? '\r\x1b[K' : '';
    return (line: RunLogLine) => {
        if (line.level === 'warn' || line.level === 'error' || (context.isTTY && !json)) context.stderr.write(`${clear}[${line.level}] ${line.message}\n`);
    };
}
