import type { RunReport } from '../../harness/index.js';
import type { Command } from '../command.js';
import { parseFlags } from '../flags.js';
import { readJsonFlag } from '../json-flag.js';
import { harnessFlags, harnessFlagsHelp, withHarness } from '../open-harness.js';
import { requiredConnection, singlePositional } from '../positionals.js';
import { reportRun, scriptLogPrinter } from '../run-output.js';
import { actionExample, scriptHelp } from '../script-help.js';

export const help = `Usage: pingone-connector action <name> --connection <name> --input <json|@file> [--json] [--db <file>]
       pingone-connector action <name> --example

Runs an action script (connectors/<integration>/actions/<name>.ts) once against a connection and
prints its output (JSON) on stdout; the summary line goes to stderr. The input is checked against
the action's zod schema before anything is sent, and the output after.

Flags:
  --connection <c>  the connection to run it on
  --input <json>    the action's input as JSON, or @path/to/input.json (default {})
  --example         print an input the action accepts, and run nothing
${harnessFlagsHelp}

Exit codes: 0 the action succeeded, 1 it failed, 2 bad usage or input (its schema or the action refused the input).
`;

/**
 * Input the action refused is the caller's mistake (exit 2): its schema's verdict (`invalid_input`), or an
 * ActionError whose payload says `invalid_input` (the package's scripts check IDs that way before
 * building a path from them).
 */
function isBadInput(report: RunReport): boolean {
    const error = report.error;
    if (error === undefined) return false;
    if (error.code === 'invalid_input') return true;
    const payload = error.payload as { code?: unknown } | undefined;
    return error.reason === 'action_error' && payload?.code === 'invalid_input';
}

const flags = { ...harnessFlags, connection: { type: 'string' }, input: { type: 'string' }, example: { type: 'boolean' } } as const;

const command: Command = {
    name: 'action',
    help,
    async helpFor(args) {
        return scriptHelp('actions', parseFlags('action', args, flags).positionals[0], help);
    },
    async run(args, context) {
        const { values, positionals } = parseFlags('action', args, flags);
        const name = singlePositional('action', positionals, '<name>');
        if (values.example) {
            context.stdout.write(await actionExample(name));
            return 0;
        }
        const connection = requiredConnection('action', values.connection);
        const input =
            values.input === undefined
                ? {}
                : await readJsonFlag(
                      '--input',
                      values.input,
                      context.cwd,
                      'Quote the JSON for your shell, e.g. --input \'{"id":"..."}\', or put it in a file and pass --input @input.json.',
                  );
        const report = await withHarness(context, values.db, (harness) => harness.runAction(connection, name, input, { signal: context.signal }), {
            onLog: scriptLogPrinter(context),
        });
        const code = reportRun(context, report, values.json ?? false);
        return isBadInput(report) ? 2 : code;
    },
};

export default command;
