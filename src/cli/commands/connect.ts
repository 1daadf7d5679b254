import type { ConnectionSpec } from '../../connections/connection-spec.js';
import type { Harness, RunReport } from '../../harness/index.js';
import type { RotatedTokens } from '../../store/index.js';
import type { ProviderExtensions } from '../../connector/provider-definition.js';
import { UsageError } from '../../errors/index.js';
import { checkEmulatorUrl } from '../../connections/emulator-url.js';
import { connectorFor } from '../../connections/connector-for.js';
import { connectionFromNango } from '../../connections/from-nango.js';
import { resolveConnectionSpec } from '../../connections/resolve-spec.js';
import { createRuntime } from '../../connections/runtime.js';
import { readSettings } from '../../connections/settings.js';
import { authorizeInteractively } from '../../connections/authorize.js';
import { authMethodsToTry, firstAcceptedMethod, methodNames } from '../../connections/each-auth-method.js';
import { consoleName, defaultTokenAuthMethod } from '../../oauth/index.js';
import type { Command, CommandContext } from '../command.js';
import { configFlags, integerFlag, parseFlags } from '../flags.js';
import { harnessFlags, harnessFlagsHelp, printJson, withHarness } from '../open-harness.js';
import { singlePositional } from '../positionals.js';

export const help = `Usage: pingone-connector connect <name> [--provider pingone-cc|pingone|pingone-advanced-services] [flags]

Creates (or replaces) the connection <name>: validates the config, fetches a token and reads the
environment, saves it only when that works, then runs the integration's validate-connection script;
when that refuses it, whatever <name> was before is put back untouched. Secrets go to the secrets
file beside the database (mode 0600; encrypted when PINGONE_CONNECTOR_KEY is set), never into the
database. Replacing a connection with another provider, environment, region or emulator clears the
records, checkpoints and delete tracking it had (they describe the other environment); its metadata
and run history stay. A new secret for the same environment keeps everything.

  pingone-cc   client credentials of a Worker app (the default)
  pingone      authorization code + PKCE: prints PingOne's sign-on URL and waits on
               http://127.0.0.1:<port>/callback for the redirect (add that URL to the app)
  pingone-advanced-services
               client credentials for the Advanced Services self-service API: also pass
               --config scope=<s> --config environment=<e> --config customer=<c> --config region=<r>

Where PingOne is:
  --environment-id <uuid>      Settings > Environment Properties (or PINGONE_ENVIRONMENT_ID)
  --tld <tld>                  com, ca, eu, com.au, sg or asia (or PINGONE_TLD; default com)
  --authorization-url <url>    the app's Authorization URL, instead of the two above
  --auth-domain <host>         auth.pingone.<tld>, instead of --tld (the Cyclr way)
  --config <field>=<value>     any other connection-config field of the provider (repeatable)
Credentials:
  --client-id <id>             (or PINGONE_CLIENT_ID)
  --client-secret <secret>     (or PINGONE_CLIENT_SECRET, better: flags show in the process list);
                               every provider needs it, pingone too (its app is confidential)
  --auth-method <m>            client_secret_post or client_secret_basic (also post, basic,
                               CLIENT_SECRET_POST, as the Connect UI takes); without it, Post
                               (what Nango sends) is tried first, then Basic, and the one PingOne
                               accepts is saved with the connection
Elsewhere:
  --emulator <url>             send this connection's PingOne traffic to a local emulator
                               (or PINGONE_EMULATOR_URL)
  --from-nango <id>            copy connection <id> from Nango (NANGO_HOSTPORT, NANGO_SECRET_KEY);
  --integration <key>          its Nango integration, when the ID is used by several
  --ui                         open the Connect UI credential form instead (--port N, --open)
  --port <N>                   the loopback port for the callback (pingone) or the form (--ui)
  --kind <admin|self-service>  pingone: which way to sign on (guides/pingone.md); asks for that way's
                               scopes (admin: "openid offline_access"; see \`providers pingone\`)
  --scope "<s> <s>"            scopes to ask for at sign-on instead (pingone)
  --no-test                    save without fetching a token or running the scripts (offline)
${harnessFlagsHelp}

A .env file in the working directory is read for any variable the environment leaves unset.
Exit codes: 0 saved; 1 PingOne or the validate-connection script refused (the reason is explained;
nothing changed); 2 bad usage or input; 3 saved, but the post-connection-creation script failed
(the warning says why: the connection is kept, as Nango keeps it, and a script can tell this apart
from a refusal).
`;

const flags = {
    ...harnessFlags,
    provider: { type: 'string' },
    'environment-id': { type: 'string' },
    tld: { type: 'string' },
    'authorization-url': { type: 'string' },
    'auth-domain': { type: 'string' },
    'client-id': { type: 'string' },
    'client-secret': { type: 'string' },
    'auth-method': { type: 'string' },
    emulator: { type: 'string' },
    'from-nango': { type: 'string' },
    integration: { type: 'string' },
    ui: { type: 'boolean' },
    open: { type: 'boolean' },
    port: { type: 'string' },
    'no-test': { type: 'boolean' },
    scope: { type: 'string' },
    kind: { type: 'string' },
    config: { type: 'string', multiple: true },
} as const;

type Values = ReturnType<typeof parseFlags<typeof flags>>['values'];

/** The flags and the one <name>; the guides' commands are checked against it too. */
export function parseConnectArgs(args: string[]): { values: Values; name: string } {
    const { values, positionals } = parseFlags('connect', args, flags);
    return { values, name: singlePositional('connect', positionals, '<name>') };
}

/** The scopes a way of connecting asks for (providers.extensions.yaml `connection_kinds`); the default way's without --kind. */
function signOnScopes(extensions: ProviderExtensions, kind: string | undefined): readonly string[] {
    if (kind === undefined) return extensions.default_scopes;
    const kinds = extensions.connection_kinds ?? {};
    const facts = kinds[kind];
    if (facts === undefined) {
        throw new UsageError(`--kind must be one of ${Object.keys(kinds).join(', ') || '(none for this provider)'}; got "${kind}".`, { flag: '--kind' });
    }
    return facts.scopes;
}

const command: Command = {
    name: 'connect',
    help,
    async run(args, context) {
        const { values, name } = parseConnectArgs(args);
        const settings = readSettings(context.env, context.cwd);
        const port = integerFlag('port', values.port, { min: 0, max: 65535 });
        const emulator = values.emulator ?? settings['PINGONE_EMULATOR_URL'];

        if (values.ui) {
            const { runConnectUiCommand } = await import('../connect-ui-command.js');
            return runConnectUiCommand(
                {
                    provider: values.provider ?? 'pingone-cc',
                    connectionName: name,
                    port,
                    open: values.open,
                    emulatorUrl: emulator === undefined ? undefined : checkEmulatorUrl(emulator),
                    db: values.db,
                },
                context,
            );
        }

        let spec: ConnectionSpec =
            values['from-nango'] === undefined
                ? resolveConnectionSpec(name, flagsOf(values, emulator), settings, connectorFor)
                : await connectionFromNango({
                      name,
                      nangoConnectionId: values['from-nango'],
                      integration: values.integration,
                      emulator,
                      settings,
                      connectorFor,
                  });
        if (connectorFor(spec.provider).authMode === 'OAUTH2' && spec.secrets.accessToken === undefined) {
            spec = await authorizeInteractively(spec, {
                port,
                scopes: values.scope?.split(/\s+/).filter(Boolean) ?? signOnScopes(connectorFor(spec.provider).extensions, values.kind),
                signal: context.signal,
                say: (line: string) => context.stderr.write(`${line}\n`),
            });
        }
        if (!values['no-test']) {
            const { diagnosis, rotated, authMethod } = await testBeforeSaving(spec, context);
            if (!diagnosis.ok) {
                // Only the diagnosis: the tokens the test may have fetched are no one's business.
                if (values.json) printJson(context, { saved: false, ...diagnosis });
                else context.stderr.write(`Not saved: ${diagnosis.message}\n${diagnosis.hint ? `  hint: ${diagnosis.hint}\n` : ''}`);
                return 1;
            }
            spec = { ...spec, authMethod, secrets: { ...spec.secrets, ...rotated } };
            context.stderr.write(`Token endpoint authentication: ${consoleName(authMethod)} (${authMethod}), saved with the connection.\n`);
        }
        const saved = await withHarness(context, values.db, (harness) => saveAndValidate(harness, spec, !values['no-test'], context.signal));
        if (saved.refused !== undefined) {
            const kept = saved.replaced ? ` The connection "${name}" stays as it was.` : '';
            if (values.json) printJson(context, { saved: false, kept: saved.replaced, error: saved.refused });
            else
                context.stderr.write(
                    `Not saved: the integration's validate-connection script refused it: ${saved.refused.message}${kept}\n${saved.refused.hint ? `  hint: ${saved.refused.hint}\n` : ''}`,
                );
            return 1;
        }
        const { summary, cleared, setupFailed, database } = saved;
        if (values.json) printJson(context, { saved: true, connection: summary, database, cleared, ...(setupFailed ? { warning: setupFailed } : {}) });
        else {
            context.stdout.write(
                `Saved the connection "${name}" (${spec.provider}, environment ${spec.config['environmentId']}, ${spec.config['tld']}) in ${database}.\n`,
            );
            if (cleared) context.stdout.write(`It replaced one that read another environment: its records, checkpoints and delete tracking were cleared.\n`);
        }
        if (setupFailed === undefined) return 0;
        if (!values.json) {
            context.stderr.write(
                `Warning: the integration's post-connection-creation script failed: ${setupFailed.message}\n${setupFailed.hint ? `  hint: ${setupFailed.hint}\n` : ''}`,
            );
        }
        return 3;
    },
};

function flagsOf(values: Values, emulator: string | undefined) {
    return {
        provider: values.provider,
        environmentId: values['environment-id'],
        tld: values.tld,
        clientId: values['client-id'],
        clientSecret: values['client-secret'],
        authMethod: values['auth-method'],
        authorizationUrl: values['authorization-url'],
        authDomain: values['auth-domain'],
        emulator,
        config: configFlags('connect', values.config ?? []),
    };
}

/**
 * Saves the connection and runs the integration's on-event scripts as Nango does on creation:
 * `validate-connection` may refuse it (then whatever was saved under the name before is put back,
 * untouched), and `post-connection-creation` runs on the kept connection; its failure leaves the
 * connection saved, as in Nango, and is reported as a warning.
 */
async function saveAndValidate(harness: Harness, spec: ConnectionSpec, online: boolean, signal: AbortSignal) {
    const replaced = harness.connections.get(spec.name) !== undefined;
    const failed = (reports: RunReport[]) => reports.find((report) => report.status === 'failed')?.error;
    const created = await harness.connections.createValidated(spec, async () =>
        online ? failed(await harness.runOnEvent(spec.name, 'validate-connection', { signal })) : undefined,
    );
    if (created.refused !== undefined) return { ...created, replaced };
    const setupFailed = online ? failed(await harness.runOnEvent(spec.name, 'post-connection-creation', { signal })) : undefined;
    return { ...created, setupFailed, database: harness.dbPath };
}

/**
 * Fetches a token and reads the environment with the new credentials before anything is saved. A
 * client-credentials connection with no method chosen tries the provider's methods in turn (Client
 * Secret Post first) and keeps the one PingOne accepted; a chosen or already found one is used alone.
 */
async function testBeforeSaving(spec: ConnectionSpec, context: CommandContext) {
    const connector = connectorFor(spec.provider);
    const chosen = connector.authMode === 'OAUTH2_CC' ? spec.authMethod : (spec.authMethod ?? defaultTokenAuthMethod);
    const methods = authMethodsToTry(connector.extensions.token_auth_methods, chosen);
    const tried = await firstAcceptedMethod(
        methods,
        (authMethod) => testWith({ ...spec, authMethod }, context),
        (result) => result.diagnosis.reason === 'invalid_client',
    );
    const { diagnosis, rotated } = tried.outcome;
    if (!tried.accepted && methods.length > 1) {
        const message = `PingOne refused the client's authentication with ${methodNames(methods)} alike: the client ID or secret is wrong, or the application is disabled.`;
        const hint =
            "In PingOne, on the application's Overview tab: copy the Client ID and Client Secret again, check that the application is enabled, and that the Environment ID is the application's.";
        return { diagnosis: { ...diagnosis, message, hint }, rotated, authMethod: tried.method };
    }
    return { diagnosis, rotated, authMethod: tried.method };
}

async function testWith(spec: ConnectionSpec, context: CommandContext) {
    const rotated: ConnectionSpec['secrets'] = {};
    const keep = (tokens: RotatedTokens) => {
        rotated.accessToken = tokens.accessToken;
        if (tokens.accessTokenExpiresAt) rotated.accessTokenExpiresAt = tokens.accessTokenExpiresAt;
        if (tokens.refreshToken) rotated.refreshToken = tokens.refreshToken;
    };
    const runtime = createRuntime(spec, spec.secrets, keep, { env: context.env });
    try {
        return { diagnosis: await runtime.test({ signal: context.signal }), rotated };
    } finally {
        await runtime.close();
    }
}

export default command;
