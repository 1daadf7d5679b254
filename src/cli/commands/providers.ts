import { getConnector, providerKeys, type ProviderConnector } from '../../../connectors/registry.generated.js';
import { UsageError } from '../../errors/index.js';
import type { Command } from '../command.js';
import { configFlags, parseFlags } from '../flags.js';

export const help = `Usage: pingone-connector providers [<provider>] [--tld <tld>] [--environment-id <uuid>] [--config <field>=<value>]... [--json]

Lists the providers (pingone, pingone-cc, pingone-advanced-services) and the URLs they resolve to for
a connection: the token URL, the authorization URL (authorization code only), the API base URL and
the only hosts that may receive its credentials. Without flags a sample connection is used (each
field's example, or its first allowed value); the config is validated exactly as a real connection's.

Flags:
  --tld <tld>               com, ca, eu, com.au, sg or asia
  --environment-id <uuid>   the PingOne Environment ID
  --config <field>=<value>  any other connection-config field (repeatable), e.g. --config customer=acme
  --json                    print JSON instead of text
`;

interface ProviderReport {
    key: string;
    displayName: string;
    authMode: string;
    guide: string;
    connectionConfig: Record<string, string>;
    tokenUrl: string;
    authorizationUrl: string | undefined;
    apiBaseUrl: string;
    allowedHosts: readonly string[];
    tokenAuthMethods: readonly string[];
    defaultScopes: readonly string[];
    /** The documented ways to connect: the app type each needs and the scopes it asks for (connect --kind). */
    connectionKinds: Record<string, { appType: string; scopes: readonly string[] }>;
}

const command: Command = {
    name: 'providers',
    help,
    async run(args, context) {
        const { values, positionals } = parseFlags('providers', args, {
            tld: { type: 'string' },
            'environment-id': { type: 'string' },
            config: { type: 'string', multiple: true },
            json: { type: 'boolean' },
        });
        if (positionals.length > 1) throw new UsageError(`providers: expected at most one provider, got ${positionals.join(' ')}.`);
        const given = { ...configFlags('providers', values.config ?? []), ...definedOnly({ tld: values.tld, environmentId: values['environment-id'] }) };
        const keys = positionals.length === 1 ? [getConnector(positionals[0]!).key] : [...providerKeys];
        const known = new Set(keys.flatMap((key) => Object.keys(getConnector(key).definition.connection_config)));
        const unknown = Object.keys(given).filter((name) => !known.has(name));
        if (unknown.length > 0) {
            throw new UsageError(`providers: no listed provider has a connection-config field "${unknown[0]}".`, {
                flag: '--config',
                hint: `Fields: ${[...known].join(', ')}.`,
            });
        }
        const reports = keys.map((key) => report(getConnector(key), given));
        context.stdout.write(values.json === true ? `${JSON.stringify(reports, null, 2)}\n` : reports.map(formatReport).join('\n'));
        return 0;
    },
};

/** The sample connection: each field's example or first allowed value, overridden by what was given. */
function report(connector: ProviderConnector, given: Record<string, string>): ProviderReport {
    const fields = connector.definition.connection_config;
    // In the schema's order (the form's order), so the printed connection reads like the form.
    const names = Object.keys(connector.connectionConfigSchema['properties'] as Record<string, unknown>);
    const sample = Object.fromEntries(names.map((name) => [name, fields[name]?.example ?? fields[name]?.enum?.[0] ?? '']));
    const config = connector.parseConnectionConfig({ ...sample, ...Object.fromEntries(Object.entries(given).filter(([name]) => name in fields)) });
    const authorizationUrl = connector.authorizationUrl?.(config, {
        clientId: '<client-id>',
        redirectUri: 'http://127.0.0.1:8400/callback',
        state: '<state>',
        codeChallenge: '<code-challenge>',
        codeChallengeMethod: 'S256',
        scopes: connector.extensions.default_scopes,
    });
    return {
        key: connector.key,
        displayName: connector.displayName,
        authMode: connector.authMode,
        guide: connector.guideUrl,
        connectionConfig: config,
        tokenUrl: connector.tokenUrl(config).href,
        authorizationUrl: authorizationUrl?.href,
        apiBaseUrl: connector.apiBaseUrl(config).href,
        allowedHosts: connector.allowedHosts(config),
        tokenAuthMethods: connector.extensions.token_auth_methods,
        defaultScopes: connector.extensions.default_scopes,
        connectionKinds: Object.fromEntries(
            Object.entries(connector.extensions.connection_kinds ?? {}).map(([kind, facts]) => [kind, { appType: facts.app_type, scopes: facts.scopes }]),
        ),
    };
}

function formatReport(report: ProviderReport): string {
    const lines: [string, string | undefined][] = [
        ['auth mode', report.authMode],
        ['guide', report.guide],
        [
            'connection',
            Object.entries(report.connectionConfig)
                .map(([name, value]) => `${name}=${value}`)
                .join(' '),
        ],
        ['token URL', report.tokenUrl],
        ['authorization URL', report.authorizationUrl],
        ['API base URL', report.apiBaseUrl],
        ['allowed hosts', report.allowedHosts.join(', ')],
        ['token auth', report.tokenAuthMethods.join(', ')],
        ['default scopes', report.defaultScopes.length === 0 ? undefined : report.defaultScopes.join(' ')],
        ...Object.entries(report.connectionKinds).map(([kind, facts]): [string, string] => [
            `--kind ${kind}`,
            `${facts.appType === 'WORKER' ? 'Worker app' : 'OIDC Web App'}; scopes ${facts.scopes.join(' ')}`,
        ]),
    ];
    const shown = lines.filter((line): line is [string, string] => line[1] !== undefined);
    const width = Math.max(...shown.map(([label]) => label.length));
    return `${report.key}: ${report.displayName}\n${shown.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join('\n')}\n`;
}

function definedOnly(values: Record<string, string | undefined>): Record<string, string> {
    return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

export default command;
