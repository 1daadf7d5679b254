import { randomBytes } from 'node:crypto';

import { UsageError } from '../../errors/index.js';
import type { Harness } from '../../harness/index.js';
import { startWebhookListener, type WebhookListener } from '../../harness/webhook-listener.js';
import type { Command, CommandContext } from '../command.js';
import { integerFlag, parseFlags } from '../flags.js';
import { harnessFlags, withHarness } from '../open-harness.js';
import { singlePositional } from '../positionals.js';
import { reportRun, scriptLogPrinter } from '../run-output.js';
import { untilAborted } from '../until-aborted.js';

const secretVariable = 'PINGONE_WEBHOOK_SECRET';

export const help = `Usage: pingone-connector listen <connection> [--sync users] [--port N] [--subscribe]
       [--public-url <https url>] [--poll-minutes N] [--db <file>]

Receives PingOne's webhook deliveries (a subscription's audit events) on 127.0.0.1 until stopped
(Ctrl-C), and runs the sync's onWebhook for each one: the users it names are read again and stored
as they arrive. A delivery must carry "Authorization: Bearer <secret>", the secret in
${secretVariable}; it is answered 200 only once its records are stored, so PingOne delivers a
failed one again. The secret is never printed.

With --subscribe, the listener creates the subscription itself (with a secret of its own when
${secretVariable} is unset) and deletes it when it stops. Without it, the command prints the
create-subscription action that makes one; ${secretVariable} is then required.

PingOne delivers only to a public https URL: against PingOne, put an https tunnel or reverse proxy
in front of the port and pass its URL as --public-url. The emulator also delivers to the loopback
URL itself.

Flags:
  --sync <name>       the sync whose onWebhook takes the deliveries (default users)
  --port <N>          the port on 127.0.0.1 (default: any free port, printed)
  --subscribe         create the subscription now, delete it on exit
  --public-url <url>  the https URL PingOne delivers to (default the loopback URL)
  --poll-minutes <N>  also run the sync every N minutes, the safety net for a lost delivery (default off)
  --db <file>         the database (default .pingone/pingone.db; or PINGONE_CONNECTOR_DB)

Exit codes: 0 stopped, 1 the subscription could not be made, 2 bad usage.
`;

const flags = {
    db: harnessFlags.db,
    sync: { type: 'string' },
    port: { type: 'string' },
    subscribe: { type: 'boolean' },
    'public-url': { type: 'string' },
    'poll-minutes': { type: 'string' },
} as const;

interface Session {
    harness: Harness;
    connection: string;
    sync: string;
    url: string;
    secret: string;
}

/**
 * A connection scoped to populations (metadata `populationIds`) subscribes to their events only. A
 * filter names at most 10 populations; with more, it subscribes to all, and the sync keeps to its scope.
 */
function scopedPopulations(session: Session): { populationIds?: string[] } {
    const ids = session.harness.store.metadata.get(session.connection)['populationIds'];
    return Array.isArray(ids) && ids.length > 0 && ids.length <= 10 ? { populationIds: ids.map(String) } : {};
}

/** Creates the subscription for this session; its id, or undefined (said why) when PingOne refused. */
async function subscribe(context: CommandContext, session: Session): Promise<string | undefined> {
    const report = await session.harness.runAction(session.connection, 'create-subscription', {
        name: `pingone-connector listen ${session.connection}`,
        url: session.url,
        headers: { Authorization: `Bearer ${session.secret}` },
        actionTypes: await session.harness.webhookTypes(session.connection, session.sync),
        ...scopedPopulations(session),
    });
    reportRun(context, report, false);
    return report.status === 'success' ? (report.output as { id: string }).id : undefined;
}

async function howToSubscribe(context: CommandContext, session: Session): Promise<void> {
    const input = {
        name: `pingone-connector listen ${session.connection}`,
        url: session.url,
        headers: { Authorization: `Bearer <the value of ${secretVariable}>` },
        actionTypes: await session.harness.webhookTypes(session.connection, session.sync),
        ...scopedPopulations(session),
    };
    context.stderr.write(
        `If the subscription does not exist yet, create it (once) with:\n  npx pingone-connector action create-subscription --connection ${session.connection} --input '${JSON.stringify(input)}'\n`,
    );
}

/** Runs the sync every `minutes` until the command stops: what a platform's schedule would do. */
async function pollEvery(context: CommandContext, session: Session, minutes: number): Promise<void> {
    while (!context.signal.aborted) {
        await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, minutes * 60_000);
            context.signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
        });
        if (context.signal.aborted) return;
        reportRun(context, await session.harness.runSync(session.connection, session.sync, { signal: context.signal }), false);
    }
}

const command: Command = {
    name: 'listen',
    help,
    async run(args, context) {
        const { values, positionals } = parseFlags('listen', args, flags);
        const connection = singlePositional('listen', positionals, '<connection>');
        const port = integerFlag('port', values.port, { min: 0, max: 65535 });
        const pollMinutes = integerFlag('poll-minutes', values['poll-minutes'], { min: 1, max: 1440 });
        const given = context.env[secretVariable];
        if (!values.subscribe && !given) {
            throw new UsageError(`listen needs the deliveries' secret in ${secretVariable}, or --subscribe to make a subscription with one of its own.`, {
                hint: `Set ${secretVariable} to the secret the subscription's Authorization header carries ("Bearer <secret>").`,
            });
        }
        const secret = given || randomBytes(32).toString('base64url');
        const sync = values.sync ?? 'users';
        return withHarness(
            context,
            values.db,
            async (harness) => {
                await harness.webhookTypes(connection, sync);
                const listener: WebhookListener = await startWebhookListener({
                    harness,
                    connection,
                    sync,
                    secret,
                    ...(port === undefined ? {} : { port }),
                    onDelivery: (outcome) => {
                        if ('report' in outcome) reportRun(context, outcome.report, false);
                        else context.stderr.write(`refused a request (${outcome.refused}): ${outcome.reason}\n`);
                    },
                });
                const session: Session = { harness, connection, sync, url: values['public-url'] ?? listener.url, secret };
                try {
                    context.stderr.write(`Listening on ${listener.url} for ${sync} deliveries to connection ${connection}; Ctrl-C stops.\n`);
                    const subscriptionId = values.subscribe ? await subscribe(context, session) : undefined;
                    if (values.subscribe && subscriptionId === undefined) return 1;
                    if (!values.subscribe) await howToSubscribe(context, session);
                    try {
                        await Promise.all([untilAborted(context.signal), pollMinutes === undefined ? undefined : pollEvery(context, session, pollMinutes)]);
                    } finally {
                        // A subscription left pointing at a closed port would queue events for nobody.
                        if (subscriptionId !== undefined)
                            reportRun(context, await harness.runAction(connection, 'delete-subscription', { id: subscriptionId }), false);
                    }
                    return 0;
                } finally {
                    await listener.close();
                }
            },
            { onLog: scriptLogPrinter(context) },
        );
    },
};

export default command;
