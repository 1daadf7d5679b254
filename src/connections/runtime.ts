import type { Connector } from '../connector/connector.js';
import type { ConnectionView, ProxyTarget } from './run-target.js';
import { createPingOneDispatcher, type FoundRate, type HttpLogger, type PingOneDispatcher } from '../http/index.js';
import type { RotatedTokens, Store, StoredConnection } from '../store/index.js';
import type { ConnectionSecrets } from './connection-spec.js';
import { connectorFor } from './connector-for.js';
import type { TokenSource } from '../oauth/index.js';
import { tokenSourceFor, type SharedSecrets } from './token-source-for.js';
import { testConnection, type ConnectionDiagnosis, type TestConnectionInput } from './diagnose.js';

export type { ConnectionDiagnosis } from './diagnose.js';

/** A connection ready to make calls: its validated config, dispatcher and token source. */
export interface ConnectionRuntime {
    view: ConnectionView;
    connector: Connector;
    proxy: ProxyTarget;
    /** API requests so far (token requests not included) and their retries. */
    stats(): { requests: number; retries: number };
    /** Runs the connection's request budget at the tenant's known rate (connection metadata `maxRequestsPerSecond`); undefined withdraws it. */
    limitRate(requestsPerSecond: number | undefined): void;
    /** What the request budget found out about the tenant's limit from 429s; undefined under a licence's rate or before any 429. */
    foundRate(): FoundRate | undefined;
    /** Starts the request budget from what an earlier run found. */
    resumeRate(found: FoundRate): void;
    /** The values that must never appear in output, for the run's redactor. */
    secrets(): string[];
    /** A token and a read of the environment; with `neededBy` (roles-table key → scripts), also the roles those scripts need. */
    test(options?: Partial<Pick<TestConnectionInput, 'signal' | 'neededBy' | 'populationIds'>>): Promise<ConnectionDiagnosis>;
    close(): Promise<void>;
}

export interface RuntimeOptions {
    env: NodeJS.ProcessEnv;
    httpLogger?: HttpLogger;
}

/**
 * Builds a runtime for a saved connection. The connector validates the stored config again
 * before any URL is built from it (a database is input too), and the dispatcher refuses every
 * host but the connector's `auth.pingone.<tld>` and `api.pingone.<tld>`.
 */
export async function openConnectionRuntime(store: Store, connection: StoredConnection, options: RuntimeOptions): Promise<ConnectionRuntime> {
    const secrets: ConnectionSecrets = store.secrets.get(connection.name) ?? {};
    // Other commands may be using the connection: its token renewals take turns on the secrets file.
    const shared: SharedSecrets = {
        exclusively: (work) => store.secrets.exclusively(connection.name, work),
        read: () => store.secrets.get(connection.name),
    };
    return createRuntime(connection, secrets, (tokens) => store.secrets.rotateTokens(connection.name, tokens), options, shared);
}

/**
 * A runtime for a connection that is not saved (yet): `connect` tests before it saves. `shared`:
 * the saved secrets, for a saved connection.
 */
export function createRuntime(
    connection: Pick<StoredConnection, 'name' | 'provider' | 'config' | 'authMethod' | 'emulatorUrl'> &
        Partial<Pick<StoredConnection, 'createdAt' | 'updatedAt'>>,
    secrets: ConnectionSecrets,
    saveTokens: (tokens: RotatedTokens) => void,
    options: RuntimeOptions,
    shared?: SharedSecrets,
): ConnectionRuntime {
    const connector = connectorFor(connection.provider);
    const config = connector.parseConnectionConfig(connection.config);
    const dispatcher: PingOneDispatcher = createPingOneDispatcher({
        allowedHosts: connector.allowedHosts(config),
        ...(connection.emulatorUrl ? { emulatorOrigin: connection.emulatorUrl } : {}),
        ...(options.httpLogger ? { logger: options.httpLogger } : {}),
    });
    const tokens: TokenSource = tokenSourceFor({ connector, config, secrets, authMethod: connection.authMethod, dispatcher, saveTokens, shared });
    const now = new Date().toISOString();
    const view: ConnectionView = {
        name: connection.name,
        integration: connector.key,
        provider: connector.key,
        connectionConfig: { ...(config as Record<string, string>) },
        clientId: secrets.clientId,
        createdAt: connection.createdAt ?? now,
        updatedAt: connection.updatedAt ?? now,
    };
    return {
        view,
        connector,
        proxy: { apiBaseUrl: connector.apiBaseUrl(config), dispatcher, tokens },
        stats: () => ({ requests: dispatcher.stats.requests - dispatcher.stats.tokenRequests, retries: dispatcher.stats.retries }),
        limitRate: (requestsPerSecond) => dispatcher.limitRate(requestsPerSecond),
        foundRate: () => dispatcher.foundRate,
        resumeRate: (found) => dispatcher.resumeRate(found),
        secrets: () =>
            [secrets.clientSecret, secrets.refreshToken, secrets.accessToken, ...tokens.secrets()].filter((value): value is string => Boolean(value)),
        test: (options = {}) =>
            testConnection({
                connector,
                config,
                dispatcher,
                tokens,
                // A client-credentials token acts as the application itself, whose role assignments can be read.
                ...(connector.authMode === 'OAUTH2_CC' && secrets.clientId ? { applicationId: secrets.clientId } : {}),
                ...options,
            }),
        close: () => dispatcher.close(),
    };
}
