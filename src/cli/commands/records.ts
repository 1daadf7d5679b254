import type { Command } from '../command.js';
import { integerFlag, parseFlags } from '../flags.js';
import { UsageError } from '../../errors/index.js';
import { harnessFlags, harnessFlagsHelp, withHarness } from '../open-harness.js';
import { requiredConnection, singlePositional } from '../positionals.js';
import { formatRecords, recordFormats, type RecordFormat } from '../record-formats.js';

export const help = `Usage: pingone-connector records <Model> --connection <name> [--limit N] [--cursor <c>] [--format table|json|ndjson|csv] [--db <file>]

Lists the records a sync saved for a model, in the order they last changed. The table shows each
record's id, a few fields that identify it and its last action; json (the page with Nango's
_nango_metadata and next_cursor), ndjson (one record a line) and csv (every top-level field) carry
all of it. The record count and the next page's cursor go to stderr.

Flags:
  --connection <c>  the connection
  --limit <N>       how many records (1 to 10000; default 100)
  --cursor <c>      continue after this cursor (from a previous page's next_cursor)
  --format <f>      table (default), json, ndjson or csv
${harnessFlagsHelp} (the same as --format json)

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
            format: { type: 'string' },
        });
        const format = formatFlag(values.format, values.json ?? false);
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
                `No records of model "${model}" on connection "${connection}". ${models.length > 0 ? `Models with records: ${models.join(', ')}.` : 'Run a sync first: `npx pingone-connector sync <name> --connection <c>`.'}\n`,
            );
        }
        context.stdout.write(formatRecords(model, page, format));
        if (format === 'table' && page.records.length > 0) {
            context.stderr.write(`${page.records.length} record(s)${page.next_cursor ? `; more with --cursor ${page.next_cursor}` : ''}\n`);
        }
        return 0;
    },
};

function formatFlag(value: string | undefined, json: boolean): RecordFormat {
    if (value === undefined) return json ? 'json' : 'table';
    if (!(recordFormats as readonly string[]).includes(value)) {
        throw new UsageError(`--format must be one of ${recordFormats.join(', ')}; got "${value}".`, { flag: '--format' });
    }
    if (json && value !== 'json') throw new UsageError(`--json is --format json; it cannot go with --format ${value}.`, { flag: '--json' });
    return value as RecordFormat;
}

export default command;
