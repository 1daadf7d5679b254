import type { Command, CommandContext } from '../command.js';
import { integerFlag, parseFlags } from '../flags.js';
import { untilAborted } from '../until-aborted.js';
import { UsageError } from '../../errors/index.js';

export const help = `Usage: pingone-connector emulator [--port N] [--users N] [--seed S] [--rate-limit R] [--json]

Runs the PingOne emulator on 127.0.0.1 until stopped (Ctrl-C): the auth server at
/<environmentId>/as/... and the management API at /v1/... on one port. Prints the URL, then the
seeded environment ID, TLD, and the Worker and Web app client IDs and secrets to connect with.
Connections reach it through the emulator host mapping of the HTTP layer (\`connect --emulator <url>\`);
curl works straight at the URL too.

Flags:
  --port N         port to listen on (default: a free one)
  --users N        users in the main environment (default 120; up to 10000000)
  --seed S         seed of every generated id, name and secret (default "pingone-emulator")
  --rate-limit R   requests per second per environment; above it: 429 REQUEST_LIMITED (default off)
  --json           print one JSON line {"url","environmentId","tld","worker","web"} instead
`;

const flags = {
    port: { type: 'string' },
    users: { type: 'string' },
    seed: { type: 'string' },
    'rate-limit': { type: 'string' },
    json: { type: 'boolean' },
} as const;

function rateLimitFlag(value: string | undefined): number | undefined {
    if (value === undefined) return undefined;
    const parsed = Number(value);
    if (!/^\d+(\.\d+)?$/.test(value) || !(parsed > 0)) {
        throw new UsageError(`--rate-limit must be a number of requests per second above 0; got "${value}".`, { flag: '--rate-limit' });
    }
    return parsed;
}

function printBanner(context: CommandContext, emulator: Awaited<ReturnType<typeof import('../../emulator/index.js').startEmulator>>): void {
    const lines = [
        `PingOne emulator listening on ${emulator.url}`,
        `  environment ID      ${emulator.environmentId}`,
        `  TLD                 ${emulator.tld}`,
        `  Worker client ID    ${emulator.worker.clientId}`,
        `  Worker secret       ${emulator.worker.clientSecret}`,
        `  Web app client ID   ${emulator.web.clientId}`,
        `  Web app secret      ${emulator.web.clientSecret}`,
        `  Web redirect URIs   ${emulator.web.redirectUris.join(', ')} (any loopback port)`,
        `  sign-on user        ${emulator.signOnUser.username} / ${emulator.signOnUser.password}`,
        'Press Ctrl-C to stop.',
    ];
    context.stdout.write(`${lines.join('\n')}\n`);
}

const command: Command = {
    name: 'emulator',
    help,
    async run(args, context) {
        const { values, positionals } = parseFlags('emulator', args, flags);
        if (positionals.length > 0)
            throw new UsageError(`emulator takes no arguments; got "${positionals.join(' ')}".`, { hint: 'Run `npx pingone-connector emulator --help`.' });
        const port = integerFlag('port', values.port, { min: 0, max: 65535 });
        const users = integerFlag('users', values.users, { min: 0, max: 10_000_000 });
        const requestsPerSecond = rateLimitFlag(values['rate-limit']);
        if (values.seed !== undefined && values.seed.trim() === '') throw new UsageError('--seed must not be empty.', { flag: '--seed' });
        const { startEmulator } = await import('../../emulator/index.js');
        const emulator = await startEmulator({
            ...(port === undefined ? {} : { port }),
            ...(users === undefined ? {} : { users }),
            ...(values.seed === undefined ? {} : { seed: values.seed }),
            ...(requestsPerSecond === undefined ? {} : { rateLimit: { requestsPerSecond } }),
        });
        try {
            if (values.json) {
                const { url, environmentId, tld, worker, web } = emulator;
                context.stdout.write(`${JSON.stringify({ url, environmentId, tld, worker, web })}\n`);
            } else {
                printBanner(context, emulator);
            }
            await untilAborted(context.signal);
            return 0;
        } finally {
            await emulator.close();
        }
    },
};

export default command;
