import type { Command } from '../command.js';
import { parseFlags } from '../flags.js';
import { harnessFlags, harnessFlagsHelp, withHarness } from '../open-harness.js';
import { progressReporter } from '../progress.js';
import { reportRun, scriptLogPrinter } from '../run-output.js';
import { requiredConnection, singlePositional } from '../positionals.js';

export const help = `Usage: pingone-connector sync <name> --connection <name> [--full] [--json] [--db <file>]

Runs a sync script (connectors/<integration>/syncs/<name>.ts) once against a connection and keeps
its records in the local database. A run resumes from its last checkpoint; --full starts over and
lets the run detect deletes from scratch. A run that fails keeps what it saved and deletes nothing.

Flags:
  --connection <c>  the connection to run it on (see \`connections list\`)
  --full            ignore the checkpoint and read everything again
${harnessFlagsHelp}

Exit codes: 0 the run succeeded, 1 it failed, 2 bad usage or input.
`;

const command: Command = {
    name: 'sync',
    help,
    async run(args, context) {
        const { values, positionals } = parseFlags('sync', args, { ...harnessFlags, connection: { type: 'string' }, full: { type: 'boolean' } });
        const name = singlePositional('sync', positionals, '<name>');
        const connection = requiredConnection('sync', values.connection);
        const progress = progressReporter(context, `sync ${name}`);
        const report = await withHarness(
            context,
            values.db,
            (harness) => harness.runSync(connection, name, { full: values.full ?? false, signal: context.signal }),
            {
                onProgress: progress.onProgress,
                onLog: scriptLogPrinter(context, values.json ?? false),
            },
        );
        progress.done();
        return reportRun(context, report, values.json ?? false);
    },
};

export default command;
