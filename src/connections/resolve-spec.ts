import type { Connector } from '../connector/connector.js';
import { InvalidConfigError, UsageError } from '../errors/index.js';
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
}

const authMethods: readonly TokenAuthMethod[] = ['client_secret_post', 'client_secret_basic'];

function mustAgree(flag: string, value: string | undefined, shortcut: string, implied: string | undefined): void {
    if (value === undefined || implied === undefined || value.toLowerCase() === implied.toLowerCase()) return;
    const what = flag === '--environment-id' ? 'environment' : 'region';
    throw new UsageError(`${flag} and ${shortcut} name different ${what}s ("${value}" and "${implied}").`, {
        flag,
        hint: `Pass one of them: ${shortcut} already says the ${what}.`,
    });
}

/**
 * Builds a connection from flags, then environment variables (PINGONE_*), then `.env`, and has
 * the connector validate its config before anything else looks at it. Secrets are required only
 * for what the provider's flow needs: a client secret for client credentials and for the
 * confidential authorization-code app.
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
    if ((clientSecret === undefined || clientSecret === '') && connector.authMode === 'OAUTH2_CC') {
        throw new InvalidConfigError('clientSecret', 'No client secret was given.', {
            hint: 'Set PINGONE_CLIENT_SECRET (in the environment or in .env; a flag would show in the process list), or pass --client-secret.',
        });
    }
    const authMethod = flags.authMethod ?? settings['PINGONE_TOKEN_AUTH_METHOD'];
    if (authMethod !== undefined && !authMethods.includes(authMethod as TokenAuthMethod)) {
        throw new UsageError(`--auth-method must be client_secret_post or client_secret_basic; got "${authMethod}".`, {
            flag: '--auth-method',
            hint: "Use the app's Token Endpoint Authentication Method from PingOne: Client Secret Post or Client Secret Basic.",
        });
    }
    const emulator = flags.emulator ?? settings['PINGONE_EMULATOR_URL'];
    return {
        name,
        provider: connector.key,
        config,
        secrets: { clientId, ...(clientSecret ? { clientSecret } : {}) },
        authMethod: authMethod as TokenAuthMethod | undefined,
        emulatorUrl: emulator === undefined ? undefined : checkEmulatorUrl(emulator),
    };
}
