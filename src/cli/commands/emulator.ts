import type { Command, CommandContext } from '../command.js';
import { parseFlags } from '../flags.js';
import { untilAborted } from '../until-aborted.js';
import { UsageError } from '../../errors/index.js';
import { emulatorFlags, emulatorOptions, faultNames } from './emulator-flags.js';
import type { RunningEmulator } from '../../emulator/index.js';

export const help = `Usage: pingone-connector emulator [--port N] [--users N] [--seed S] [--rate-limit R [--burst N]]
       [--token-lifetime SECONDS] [--latency MS] [--fault NAME=SHARE]... [--error-status LIST]
       [--sign-on-user USERNAME[:PASSWORD]] [--json]

Runs the PingOne emulator on 127.0.0.1 until stopped (Ctrl-C): the auth server at
/<environmentId>/as/... and the management API at /v1/... on one port. Prints the URL, then the
seeded environment ID, TLD, the Worker and Web app client IDs and secrets to connect with, and the
sign-on user. Connections reach it through the emulator host mapping of the HTTP layer
(\`connect --emulator <url>\`); curl works straight at the URL too.

Flags:
  --port N              port to listen on (default: a free one)
  --users N             users in the main environment, the sign-on user included (default 121; up to 10000001)
  --seed S              seed of every generated id, name, secret and fault (default "pingone-emulator")
  --rate-limit R        requests per second per environment; above it: 429 REQUEST_LIMITED with
                        Retry-After in seconds (default off)
  --burst N             requests the rate limit allows at once after a quiet spell (default: one second's worth)
  --token-lifetime S    access-token lifetime in seconds (default 3600)
  --latency MS          added to every answer, in milliseconds (default 0)
  --fault NAME=SHARE    a share from 0 to 1 of requests that meet the fault NAME; repeat for several:
                        ${faultNames.join(', ')}
                        (error: a 5xx answer; drop: the connection destroyed unanswered; malformed: JSON
                        cut short; early-expiry: the token refused as expired; cut-after-act: the
                        request carried out, then the connection destroyed unanswered)
  --error-status LIST   the statuses of the error fault, e.g. 500 or 500,503 (default 500,502,503)
  --sign-on-user U[:P]  the admin who signs on: username, and password (default emulator.admin and
                        a password from the seed)
  --json                print one JSON line stating all of it (apps with their type, grant types,
                        token auth method and roles; the sign-on user; the user count; the limits and faults)
`;

async function describe(emulator: RunningEmulator) {
    const { admin } = emulator;
    const app = (credentials: { clientId: string; clientSecret: string }) => ({ ...credentials, ...admin.application(credentials.clientId) });
    return {
        url: emulator.url,
        environmentId: emulator.environmentId,
        tld: emulator.tld,
        worker: app(emulator.worker),
        web: app(emulator.web),
        signOnUser: { username: emulator.signOnUser.username, password: emulator.signOnUser.password, roles: admin.rolesOf(emulator.signOnUser.id) },
        users: admin.users.count(),
        tokenLifetimeSeconds: admin.tokenLifetime(),
        rateLimit: admin.rateLimit() ?? null,
        faults: admin.faults(),
    };
}

function printBanner(context: CommandContext, emulator: RunningEmulator): void {
    const { admin } = emulator;
    const rate = admin.rateLimit();
    const faults = Object.entries(admin.faults());
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
        `  users               ${admin.users.count()}`,
        `  token lifetime      ${admin.tokenLifetime()} s`,
        ...(rate ? [`  rate limit          ${rate.requestsPerSecond} requests/s, burst ${rate.burst ?? 'one second'}`] : []),
        ...(faults.length > 0 ? [`  faults              ${faults.map(([key, value]) => `${key} ${JSON.stringify(value)}`).join(', ')}`] : []),
        'Press Ctrl-C to stop.',
    ];
    context.stdout.write(`${lines.join('\n')}\n`);
}

const command: Command = {
    name: 'emulator',
    help,
    async run(args, context) {
        const { values, positionals } = parseFlags('emulator', args, emulatorFlags);
        if (positionals.length > 0)
            throw new UsageError(`emulator takes no arguments; got "${positionals.join(' ')}".`, { hint: 'Run `pingone-connector emulator --help`.' });
        const options = emulatorOptions(values);
        const { startEmulator } = await import('../../emulator/index.js');
        const emulator = await startEmulator(options);
        try {
            if (values.json) context.stdout.write(`${JSON.stringify(await describe(emulator))}\n`);
            else printBanner(context, emulator);
            await untilAborted(context.signal);
            return 0;
        } finally {
            await emulator.close();
        }
    },
};

export default command;
