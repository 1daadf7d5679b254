import { ScriptHttpError, UsageError } from '../../errors/index.js';
import type { Command } from '../command.js';
import { checkApiPath } from '../api-path.js';
import { parseFlags } from '../flags.js';
import { readJsonFlag } from '../json-flag.js';
import { harnessFlags, harnessFlagsHelp, printJson, withHarness } from '../open-harness.js';
import { requiredConnection } from '../positionals.js';

export const help = `Usage: pingone-connector request <METHOD> <path> --connection <name> [--data <json>] [--json] [--db <file>]

Makes one authenticated call through a connection, like Nango's proxy: the path is resolved
against the connection's https://api.pingone.<tld>, the token is added, retries and the rate
budget apply. A path with a "." or ".." segment (also %2e) is refused, not resolved. Prints the
response body (with --json: status, headers and body, for an error answer too).

Examples:
  pingone-connector request GET /v1/environments/<env-id>/users --connection demo
  pingone-connector request POST /v1/environments/<env-id>/groups --connection demo --data '{"name":"Ops"}'

Flags:
  --connection <c>  the connection
  --data <json>     the request body (JSON), or @path/to/body.json
${harnessFlagsHelp}

Exit codes: 0 a 2xx answer, 1 any other answer or a failure, 2 bad usage.
`;

const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

const command: Command = {
    name: 'request',
    help,
    async run(args, context) {
        const { values, positionals } = parseFlags('request', args, { ...harnessFlags, connection: { type: 'string' }, data: { type: 'string' } });
        const [rawMethod, path, ...extra] = positionals;
        const method = rawMethod?.toUpperCase();
        if (method === undefined || !methods.includes(method) || path === undefined || extra.length > 0) {
            throw new UsageError('request takes <METHOD> <path>, e.g. `request GET /v1/environments/<env-id>/users`.', {
                hint: `METHOD is one of ${methods.join(', ')}.`,
            });
        }
        checkApiPath(path);
        const connection = requiredConnection('request', values.connection);
        const data =
            values.data === undefined
                ? undefined
                : await readJsonFlag('--data', values.data, context.cwd, 'Quote the JSON for your shell, or put it in a file and pass --data @body.json.');
        let response: { status: number; headers: Record<string, string>; data: unknown };
        try {
            response = await withHarness(context, values.db, (harness) =>
                harness.request(connection, { method, endpoint: path, ...(data === undefined ? {} : { data }) }, { signal: context.signal }),
            );
        } catch (error) {
            // With --json an error answer is still the one document on stdout (the explanation goes to stderr), as a proxy would return it.
            if (!(values.json && error instanceof ScriptHttpError)) throw error;
            printJson(context, { status: error.response.status, headers: error.response.headers, data: error.response.data });
            context.stderr.write(`pingone-connector request: ${error.describe()}\n`);
            return 1;
        }
        if (values.json) printJson(context, { status: response.status, headers: response.headers, data: response.data });
        else context.stdout.write(typeof response.data === 'string' ? `${response.data}\n` : `${JSON.stringify(response.data, null, 2)}\n`);
        return 0;
    },
};

export default command;
