import type { Dispatcher } from 'undici';

// What a connection's runtime (runtime.ts) hands the harness for a run: the connection as scripts
// see it, and what a proxied call is sent through.

/** The connection as a script sees it through `getConnection()` (Nango's ApiPublicConnectionFull shape). */
export interface ConnectionView {
    name: string;
    integration: string;
    provider: string;
    connectionConfig: Record<string, string>;
    clientId: string | undefined;
    createdAt: string;
    updatedAt: string;
}

/** What a proxied call needs from its connection. */
export interface ProxyTarget {
    /** `https://api.pingone.<tld>`, from the connector: the only origin a script may address. */
    apiBaseUrl: URL;
    dispatcher: Dispatcher;
    tokens: { getAccessToken(signal?: AbortSignal): Promise<string>; invalidate(token: string): void };
    signal?: AbortSignal | undefined;
}
