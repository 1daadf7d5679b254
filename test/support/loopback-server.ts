import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface RecordedRequest {
    method: string;
    url: string;
    headers: IncomingMessage['headers'];
    body: string;
    /** performance.now() when the request arrived. */
    at: number;
}

export interface LoopbackServer {
    /** `http://127.0.0.1:<port>` */
    origin: string;
    requests: RecordedRequest[];
    /** TCP connections accepted so far. */
    connections: number;
    /** Requests being handled right now, and the most ever at once. */
    inFlight: number;
    maxInFlight: number;
    close(): Promise<void>;
}

export type LoopbackHandler = (request: RecordedRequest, response: ServerResponse, index: number, socket: Socket) => unknown;

/**
 * A tiny HTTP server on 127.0.0.1 for the cases the emulator cannot produce on demand (a reset
 * connection, a Retry-After date, a server that never answers). It records what it received.
 */
export async function startLoopbackServer(handle: LoopbackHandler): Promise<LoopbackServer> {
    const sockets = new Set<Socket>();
    const state: LoopbackServer = {
        origin: '',
        requests: [],
        connections: 0,
        inFlight: 0,
        maxInFlight: 0,
        close: async () => {
            for (const socket of sockets) socket.destroy();
            await new Promise<void>((resolve) => server.close(() => resolve()));
        },
    };
    const server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
            const recorded: RecordedRequest = {
                method: req.method ?? '',
                url: req.url ?? '',
                headers: req.headers,
                body: Buffer.concat(chunks).toString('utf8'),
                at: performance.now(),
            };
            const index = state.requests.push(recorded) - 1;
            state.inFlight += 1;
            state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
            const settle = () => {
                state.inFlight -= 1;
            };
            res.once('close', settle);
            void Promise.resolve(handle(recorded, res, index, req.socket)).catch((error: unknown) => {
                res.destroy(error instanceof Error ? error : new Error(String(error)));
            });
        });
    });
    server.on('connection', (socket: Socket) => {
        state.connections += 1;
        sockets.add(socket);
        socket.once('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    state.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return state;
}

/** Sends a JSON answer. */
export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
}
