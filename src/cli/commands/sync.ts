import { UsageError } from '../../errors/index.js';
import type { RunReport } from '../../harness/index.js';
import type { Command } from '../command.js';
import { parseFlags } from '../flags.js';
import { harnessFlags, harnessFlagsHelp, printJson, withHarness } from '../open-harness.js';
import { progressReporter } from '../progress.js';
import { reportRun, scriptLogPrinter } from '../run-output.js';
import { requiredConnection, singlePositional } from '../positionals.js';
import { scriptHelp } from '../script-help.js';

export const help = `Usage: pingone-connector sync <name> --connection <name> [--full] [--json] [--db <file>]
       pingone-connector sync --all --connection <name> [--full] [--json] [--db <file>]

Runs a sync script (connectors/<integration>/syncs/<name>.ts) once against a connection and keeps
its records in the local database. A run resumes from its last checkpoint; --full starts over and
lets the run detect deletes from scratch. A run that fails keeps what it saved and deletes nothing.
The summary goes to stderr; stdout carries only --json's report.

Flags:
  --connection <c>  the connection to run it on (see \`connections list\`)
  --all             run every sync of the connection's integration, one after the other
  --full            ignore the checkpoint and read everything again
${harnessFlagsHelp}

Exit codes: 0 the run succeeded (with --all: every run), 1 it failed, 2 bad usage or input.
`;

const flags = { ...harnessFlags, connection: { type: 'string' }, full: { type: 'boolean' }, all: { type: 'boolean' } } as const;

/** The sync named, or with --all none (checked before the store is opened). */
function namedSync(positionals: string[], all: boolean): string | undefined {
    if (!all) return singlePositional('sync', positionals, '<name> (or --all)');
    if (positionals.length > 0) throw new UsageError(`sync --all takes no sync name; got "${positionals.join(' ')}".`, { flag: '--all' });
    return undefined;
}

/** The progress line of the sync running now: the harness reports progress for one run at a time. */
type Progress = { current?: ReturnType<typeof progressReporter> };

const command: Command = {
    name: 'sync',
    help,
    async helpFor(args) {
        return scriptHelp('syncs', parseFlags('sync', args, flags).positionals[0], help);
    },
    async run(args, context) {
        const { values, positionals } = parseFlags('sync', args, flags);
        const connection = requiredConnection('sync', values.connection);
        const json = values.json ?? false;
        const progress: Progress = {};
        const all = values.all ?? false;
        const named = namedSync(positionals, all);
        const reports = await withHarness(
            context,
            values.db,
            async (harness) => {
                const done: RunReport[] = [];
                for (const name of named === undefined ? harness.scripts(connection).sync : [named]) {
                    progress.current = progressReporter(context, `sync ${name}`);
                    const report = await harness.runSync(connection, name, { full: values.full ?? false, signal: context.signal });
                    progress.current.done();
                    // Each run's summary as it ends; with --all --json, one array of the reports at the end.
                    if (!(all && json)) reportRun(context, report, json);
                    done.push(report);
                    if (context.signal.aborted) break;
                }
                return done;
            },
            { onProgress: (event) => progress.current?.onProgress(event), onLog: scriptLogPrinter(context) },
        );
        if (all && json) printJson(context, reports);
        return reports.every((report) => report.status === 'success') ? 0 : 1;
    },
};

export default command;
