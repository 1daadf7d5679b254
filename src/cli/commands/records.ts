import type { Command } from '../command.js';
import { integerFlag, parseFlags } from '../flags.js';
import { harnessFlags, harnessFlagsHelp, printJson, withHarness } from '../open-harness.js';
import { requiredConnection, singlePositional } from '../positionals.js';
import { formatTable } from '../table.js';

export const help = `Usage: pingone-connector records <Model> --connection <name> [--limit N] [--cursor <c>] [--json] [--db <file>]

Lists the records a sync saved for a model, in the order they last changed, with Nango's
_nango_metadata (first seen, last modified, last action, deleted at, cursor).

Flags:
  --connection <c>  the connection
  --limit <N>       how many records (1 to 10000; default 100)
  --cursor <c>      continue after this cursor (from a previous page's next_cursor)
${harnessFlagsHelp}

Exit codes: 0 listed (none is not an error: stderr then names the models that have records),
2 bad usage, an unknown connection or a cursor this store did not hand out.
`;

const command: Command = {
    name: 'records',
    help,
    async run(args, context) {
        const { values, positionals } = parseFlags('records', args, {
            ...harnessFlags,
            connection: { type: 'string' },
            limit: { type: 'string' },
            cursor: { type: 'string' },
        });
        const model = singlePositional('records', positionals, '<Model>');
        const connection = requiredConnection('records', values.connection);
        const limit = integerFlag('limit', values.limit, { min: 1, max: 10_000 }) ?? 100;
        const { page, models } = await withHarness(context, values.db, async (harness) => ({
            page: harness.records(connection, model, { limit, cursor: values.cursor }),
            models: harness.store.records.summary(connection).map((summary) => summary.model),
        }));
        if (page.records.length === 0 && values.cursor === undefined && !models.includes(model)) {
            // Most likely a misspelt model (names are case-sensitive) or a sync not run yet: say which models there are.
            context.stderr.write(
                `No records of model "${model}" on connection "${connection}". ${models.length > 0 ? `Models with records: ${models.join(', ')}.` : 'Run a sync first: `pingone-connector sync <name> --connection <c>`.'}\n`,
            );
        }
        if (values.json) {
            printJson(context, page);
            return 0;
        }
        if (page.records.length === 0) return 0;
        const rows = page.records.map((record) => {
            const { _nango_metadata: meta, id, ...rest } = record;
            return [String(id), meta.last_action, meta.last_modified_at, summarize(rest)];
        });
        context.stdout.write(formatTable(['id', 'action', 'modified', 'fields'], rows));
        context.stdout.write(`${page.records.length} record(s)${page.next_cursor ? `; more with --cursor ${page.next_cursor}` : ''}\n`);
        return 0;
    },
};

function summarize(fields: Record<string, unknown>): string {
    const text = JSON.stringify(fields);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export default command;
