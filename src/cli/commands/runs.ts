import type { RunEntry } from '../../store/index.js';
import type { Command } from '../command.js';
import { integerFlag, parseFlags } from '../flags.js';
import { harnessFlags, harnessFlagsHelp, printJson, withHarness } from '../open-harness.js';
import { formatDuration, formatTable } from '../table.js';

export const help = `Usage: pingone-connector runs [--connection <name>] [--limit N] [--json] [--db <file>]

The history of runs, most recent first: each sync, action and on-event run with its connection,
start, duration, records added/updated/deleted, status and error. A run whose process died is
shown failed ("its process ended before the run finished").

Flags:
  --connection <c>  only this connection's runs
  --limit <N>       how many runs (1 to 10000; default 20)
${harnessFlagsHelp}
`;

function durationOf(run: RunEntry): string {
    if (run.finishedAt === null) return '';
    return formatDuration(Math.max(0, Date.parse(run.finishedAt) - Date.parse(run.startedAt)));
}

const command: Command = {
    name: 'runs',
    help,
    async run(args, context) {
        const { values } = parseFlags('runs', args, { ...harnessFlags, connection: { type: 'string' }, limit: { type: 'string' } });
        const limit = integerFlag('limit', values.limit, { min: 1, max: 10_000 }) ?? 20;
        const runs = await withHarness(context, values.db, async (harness) =>
            harness.store.runs.recent({ ...(values.connection === undefined ? {} : { connection: values.connection }), limit }),
        );
        if (values.json) {
            printJson(context, runs);
            return 0;
        }
        if (runs.length === 0) {
            context.stderr.write('No runs yet: `npx pingone-connector sync <name> --connection <c>` makes one.\n');
            return 0;
        }
        const rows = runs.map((run) => [
            run.id,
            run.connection,
            `${run.kind} ${run.script}`,
            run.startedAt,
            durationOf(run),
            run.added,
            run.updated,
            run.deleted,
            run.status,
            run.error ?? '',
        ]);
        context.stdout.write(formatTable(['run', 'connection', 'script', 'started', 'took', 'added', 'updated', 'deleted', 'status', 'error'], rows));
        return 0;
    },
};

export default command;
