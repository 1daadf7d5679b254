import type { Connector } from '../connector/connector.js';
import { InvalidConfigError, UsageError } from '../errors/index.js';
import { parseTokenAuthMethod } from '../oauth/index.js';
import type { ConnectionSpec, TokenAuthMethod } from './connection-spec.js';
import { configFromAuthorizationUrl, tldFromAuthDomain } from './guide-shortcuts.js';
import { checkEmulatorUrl } from './emulator-url.js';

/** What `connect` accepts; each value may also come from the environment or `.env`. */
export interface ConnectionFlags {
    provider?: string | undefined;
    environmentId?: string | undefined;
    tld?: string | undefined;
    clientId?: string | undefined;
    clientSecret?: string | undefined;
    authMethod?: string | undefined;
    authorizationUrl?: string | undefined;
    authDomain?: string | undefined;
    emulator?: string | undefined;
    /** The provider's other connection-config fields (`--config <field>=<value>`), e.g. pingone-advanced-services' scope. */
    config?: Readonly<Record<string, string>> | undefined;
}

/** Fields with flags of their own: a `--config` for one of them would be a second answer to the same question. */
const ownFlags: Readonly<Record<string, string>> = { environmentId: '--environment-id', tld: '--tld' };

function mustAgree(flag: string, value: string | undefined, shortcut: string, implied: string | undefined): void {
    if (value === undefined || implied === undefined || value.toLowerCase() === implied.toLowerCase()) return;
    const what = flag === '--environment-id' ? 'environment' : 'region';
    throw new UsageError(`${flag} and ${shortcut} name different ${what}s ("${value}" and "${implied}").`, {
        flag,
        hint: `Pass one of them: ${shortcut} already says the ${what}.`,
    });
}

function otherConfig(connector: Connector, given: Readonly<Record<string, string>>): Record<string, string> {
    const fields = Object.keys((connector.connectionConfigSchema['properties'] ?? {}) as Record<string, unknown>);
    for (const field of Object.keys(given)) {
        const own = ownFlags[field];
        if (own !== undefined) throw new UsageError(`--config ${field}=... names what ${own} is for.`, { flag: '--config', hint: `Pass ${own} instead.` });
        if (!fields.includes(field)) {
            throw new UsageError(`--config: ${connector.key} has no connection-config field "${field}".`, {
                flag: '--config',
                hint: `Its fields: ${fields.join(', ')}.`,
            });
        }
    }
    return { ...given };
}

/**
 * Builds a connection from flags, then environment variables (PINGONE_*), then `.env`, and has
 * the connector validate its config before anything else looks at it. Secrets are asked for as the
 * provider's credentials schema requires them: every provider here is a confidential app, so a
 * missing client secret is refused now, before a browser sign-on that could not end in a token.
 */
export function resolveConnectionSpec(
    name: string,
    flags: ConnectionFlags,
    settings: Record<string, string | undefined>,
    connectorFor: (provider: string) => Connector,
): ConnectionSpec {
    const provider = flags.provider ?? settings['PINGONE_PROVIDER'] ?? 'pingone-cc';
    const connector = connectorFor(provider);

    const fromUrl = flags.authorizationUrl === undefined ? undefined : configFromAuthorizationUrl(flags.authorizationUrl);
    const fromDomain = flags.authDomain === undefined ? undefined : tldFromAuthDomain(flags.authDomain);
    // A shortcut names the same thing as --tld / --environment-id: two different answers are a mistake, not a choice.
    mustAgree('--tld', flags.tld, '--authorization-url', fromUrl?.tld);
    mustAgree('--tld', flags.tld, '--auth-domain', fromDomain);
    mustAgree('--auth-domain', fromDomain, '--authorization-url', fromUrl?.tld);
    mustAgree('--environment-id', flags.environmentId, '--authorization-url', fromUrl?.environmentId);
    const rawConfig = {
        ...otherConfig(connector, flags.config ?? {}),
        environmentId: flags.environmentId ?? fromUrl?.environmentId ?? settings['PINGONE_ENVIRONMENT_ID'],
        tld: flags.tld ?? fromUrl?.tld ?? fromDomain ?? settings['PINGONE_TLD'] ?? 'com',
    };
    if (rawConfig.environmentId === undefined) {
        throw new InvalidConfigError('environmentId', 'No PingOne environment ID was given.', {
            hint: 'Pass --environment-id <uuid> (or --authorization-url), or set PINGONE_ENVIRONMENT_ID; it is under Settings > Environment Properties in PingOne.',
        });
    }
    const config = connector.parseConnectionConfig(rawConfig) as Record<string, string>;

    const clientId = flags.clientId ?? settings['PINGONE_CLIENT_ID'];
    const clientSecret = flags.clientSecret ?? settings['PINGONE_CLIENT_SECRET'];
    if (clientId === undefined || clientId === '') {
        throw new InvalidConfigError('clientId', 'No client ID was given.', {
            hint: "Pass --client-id or set PINGONE_CLIENT_ID: the app's Client ID from PingOne (Applications > your app > Configuration).",
        });
    }
    const secretRequired = ((connector.credentialsSchema['required'] ?? []) as readonly string[]).includes('clientSecret');
    if ((clientSecret === undefined || clientSecret === '') && secretRequired) {
        throw new InvalidConfigError('clientSecret', 'No client secret was given.', {
            hint: 'Set PINGONE_CLIENT_SECRET (in the environment or in .env; a flag would show in the process list), or pass --client-secret.',
        });
    }
    const authMethod = authMethodOf(flags.authMethod ?? settings['PINGONE_TOKEN_AUTH_METHOD']);
    const emulator = flags.emulator ?? settings['PINGONE_EMULATOR_URL'];
    return {
        name,
        provider: connector.key,
        config,
        secrets: { clientId, ...(clientSecret ? { clientSecret } : {}) },
        authMethod,
        emulatorUrl: emulator === undefined ? undefined : checkEmulatorUrl(emulator),
    };
}

/**
 * The oauth layer's parser (it accepts `post`, `CLIENT_SECRET_BASIC`, ...); its refusal is about the
 * flag here. An empty value (a `.env` line left blank) means none was chosen: connect tries each method.
 */
function authMethodOf(value: string | undefined): TokenAuthMethod | undefined {
    if (value === undefined || value.trim() === '') return undefined;
    try {
        return parseTokenAuthMethod(value);
    } catch (error) {
        if (!(error instanceof InvalidConfigError)) throw error;
        throw new UsageError(`--auth-method (or PINGONE_TOKEN_AUTH_METHOD): ${error.message}`, {
            flag: '--auth-method',
            hint: "Use the app's Token Endpoint Authentication Method from PingOne: client_secret_basic (Client Secret Basic) or client_secret_post (Client Secret Post).",
        });
    }
}
