import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One connection the stand-in serves, in Nango's ApiPublicConnectionFull shape. */
export interface StandInConnection {
    connection_id: string;
    provider_config_key: string;
    provider: string;
    connection_config: Record<string, string>;
    credentials: Record<string, unknown>;
}

export interface NangoStandIn {
    url: string;
    secretKey: string;
    /** Every request the stand-in received: method, path and whether it carried the right key. */
    requests: { method: string; path: string; authorized: boolean }[];
    close(): Promise<void>;
}

/**
 * A loopback stand-in for the Nango server endpoints `@nangohq/node` calls for `--from-nango`
 * (as `@nangohq/node` 0.71's `dist/index.js` sends them): `GET /connections?connectionId=`, `GET /connections/:id`,
 * `GET /connection/:id` (the CLI's legacy path) and `GET /integrations/:key`. A real Nango server
 * cannot run here; this speaks the same HTTP, so the SDK runs unchanged against it.
 */
export async function startNangoStandIn(connections: StandInConnection[], secretKey = 'nango-secret-key-for-tests'): Promise<NangoStandIn> {
    const requests: NangoStandIn['requests'] = [];
    const server = createServer((request: IncomingMessage, response: ServerResponse) => {
        const url = new URL(request.url ?? '/', 'http://127.0.0.1');
        const authorized = request.headers.authorization === `Bearer ${secretKey}`;
        requests.push({ method: request.method ?? 'GET', path: url.pathname, authorized });
        const send = (status: number, body: unknown) => {
            response.writeHead(status, { 'content-type': 'application/json' });
            response.end(JSON.stringify(body));
        };
        if (!authorized) return send(401, { error: { code: 'unknown_account', message: 'Authentication failed.' } });
        const full = (c: StandInConnection) => ({
            id: 1,
            ...c,
            metadata: null,
            errors: [],
            end_user: null,
            tags: {},
            created_at: '2026-01-01T00:00:00.000Z',
            updated_at: '2026-01-01T00:00:00.000Z',
            last_fetched_at: null,
        });
        if (url.pathname === '/connections') {
            const wanted = url.searchParams.get('connectionId');
            return send(200, {
                connections: connections
                    .filter((c) => wanted === null || c.connection_id === wanted)
                    .map(({ credentials: _omitted, ...rest }) => ({ ...full({ ...rest, credentials: {} }) })),
            });
        }
        const single = /^\/connections?\/([^/]+)$/.exec(url.pathname);
        if (single) {
            const key = url.searchParams.get('provider_config_key');
            const found = connections.find(
                (c) => c.connection_id === decodeURIComponent(single[1] as string) && (key === null || c.provider_config_key === key),
            );
            return found ? send(200, full(found)) : send(404, { error: { code: 'unknown_connection', message: 'No connection.' } });
        }
        const integration = /^\/integrations\/([^/]+)$/.exec(url.pathname);
        if (integration) {
            const found = connections.find((c) => c.provider_config_key === decodeURIComponent(integration[1] as string));
            return found
                ? send(200, { data: { unique_key: found.provider_config_key, provider: found.provider } })
                : send(404, { error: { code: 'not_found' } });
        }
        send(404, { error: { code: 'not_found', message: `The stand-in does not serve ${url.pathname}.` } });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return {
        url: `http://127.0.0.1:${port}`,
        secretKey,
        requests,
        close: () => new Promise((resolve) => server.close(() => resolve())),
    };
}
