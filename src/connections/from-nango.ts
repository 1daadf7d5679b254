import { Nango } from '@nangohq/node';
import type { Connector } from '../connector/connector.js';
import { ConnectorError, UsageError } from '../errors/index.js';
import type { ConnectionSpec } from './connection-spec.js';
import { checkEmulatorUrl } from './emulator-url.js';

export interface FromNangoOptions {
    /** The local name; defaults to the Nango connection ID. */
    name: string;
    nangoConnectionId: string;
    /** The Nango integration (provider config key); looked up from the connection when omitted. */
    integration?: string | undefined;
    emulator?: string | undefined;
    settings: Record<string, string | undefined>;
    connectorFor: (provider: string) => Connector;
}

type NangoConnection = Awaited<ReturnType<Nango['getConnection']>>;

/**
 * Copies a connection from a Nango server (`NANGO_HOSTPORT`, `NANGO_SECRET_KEY`) through
 * `@nangohq/node`. Client credentials are copied, and the harness mints its own tokens. For an
 * authorization-code connection only the current access token is copied, never the refresh
 * token: PingOne rotates refresh tokens, so using it here would break the Nango connection.
 */
export async function connectionFromNango(options: FromNangoOptions): Promise<ConnectionSpec> {
    const host = options.settings['NANGO_HOSTPORT'] ?? 'https://api.nango.dev';
    const secretKey = options.settings['NANGO_SECRET_KEY'];
    if (secretKey === undefined) {
        throw new UsageError('--from-nango needs NANGO_SECRET_KEY (and NANGO_HOSTPORT for a self-hosted Nango).', {
            flag: '--from-nango',
            hint: 'Set them in the environment or in .env; the secret key is under Environment Settings in the Nango dashboard.',
        });
    }
    const nango = new Nango({ host, secretKey });
    const integration = options.integration ?? (await findIntegration(nango, options.nangoConnectionId, host));
    const connection = await ask(host, () => nango.getConnection(integration, options.nangoConnectionId));
    const connector = options.connectorFor(connection.provider);
    const config = connector.parseConnectionConfig(connection.connection_config) as Record<string, string>;
    return {
        name: options.name,
        provider: connector.key,
        config,
        secrets: secretsOf(connection),
        emulatorUrl: options.emulator === undefined ? undefined : checkEmulatorUrl(options.emulator),
    };
}

async function findIntegration(nango: Nango, connectionId: string, host: string): Promise<string> {
    const { connections } = await ask(host, () => nango.listConnections({ connectionId }));
    const matches = connections.filter((connection) => connection.connection_id === connectionId);
    if (matches.length === 1) return (matches[0] as (typeof matches)[number]).provider_config_key;
    throw new UsageError(
        matches.length === 0
            ? `Nango at ${host} has no connection "${connectionId}".`
            : `Nango at ${host} has ${matches.length} connections named "${connectionId}" (${matches.map((m) => m.provider_config_key).join(', ')}).`,
        { flag: '--from-nango', hint: matches.length === 0 ? 'Check the connection ID in the Nango dashboard.' : 'Pick one with --integration <key>.' },
    );
}

function secretsOf(connection: NangoConnection): ConnectionSpec['secrets'] {
    const credentials = connection.credentials as unknown as Record<string, unknown>;
    const text = (key: string) => (typeof credentials[key] === 'string' && credentials[key] !== '' ? (credentials[key] as string) : undefined);
    const expiresAt = credentials['expires_at'];
    const secrets: ConnectionSpec['secrets'] = {};
    const clientId = text('client_id');
    const clientSecret = text('client_secret');
    const accessToken = text('access_token') ?? text('token');
    if (clientId) secrets.clientId = clientId;
    if (clientSecret) secrets.clientSecret = clientSecret;
    if (credentials['type'] === 'OAUTH2' && accessToken) {
        secrets.accessToken = accessToken;
        if (expiresAt !== undefined && expiresAt !== null) secrets.accessTokenExpiresAt = new Date(String(expiresAt)).toISOString();
    }
    return secrets;
}

/** Calls Nango, turning axios' failures into a plain message that carries no header or key. */
async function ask<T>(host: string, call: () => Promise<T>): Promise<T> {
    try {
        return await call();
    } catch (error) {
        const status = (error as { response?: { status?: unknown } }).response?.status;
        const code = (error as { code?: unknown }).code;
        const what = typeof status === 'number' ? `answered ${status}` : `could not be reached (${typeof code === 'string' ? code : 'network error'})`;
        throw new ConnectorError('nango_failed', `Nango at ${host} ${what}.`, {
            hint:
                status === 401
                    ? 'Check NANGO_SECRET_KEY (the secret key of the environment that holds the connection).'
                    : status === 404
                      ? 'Check the connection ID and --integration.'
                      : 'Check NANGO_HOSTPORT.',
        });
    }
}
