// Receives PingOne's webhook deliveries on this machine and runs a sync's onWebhook for each one, as
// Nango would: `pingone-connector listen`. PingOne authenticates a delivery with the static headers the
// subscription names (https://developer.pingidentity.com/pingone-api/platform/subscriptions-webhooks.html:
// "the headers applied to the outbound request ... for the endpoint to authenticate the PingOne service"),
// so a delivery without `Authorization: Bearer <secret>` is refused. A delivery is answered 200 only once
// its records are stored: PingOne "continues to retry the current event until a 200 response is
// returned", so a failed run is delivered again rather than lost.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Harness, RunReport } from './index.js';

/** A batch is at most 500 audit activities of a few KB each; anything far larger is not PingOne's. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

export interface WebhookListenerOptions {
    harness: Harness;
    connection: string;
    sync: string;
    /** Each delivery must carry `Authorization: Bearer <secret>`. */
    secret: string;
    /** Default 0: any free port. The host is always 127.0.0.1. */
    port?: number;
    /** Called after each accepted delivery's run, or with the status of a refused request. */
    onDelivery?: (outcome: { report: RunReport } | { refused: number; reason: string }) => void;
}

export interface WebhookListener {
    /** Where deliveries go: `http://127.0.0.1:<port>/webhooks/<sync>`. */
    url: string;
    close(): Promise<void>;
}

const digest = (text: string) => createHash('sha256').update(text).digest();

function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        request.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size <= MAX_BODY_BYTES) chunks.push(chunk);
        });
        request.on('end', () => resolve(size <= MAX_BODY_BYTES ? Buffer.concat(chunks) : undefined));
        request.on('error', reject);
    });
}

export async function startWebhookListener(options: WebhookListenerOptions): Promise<WebhookListener> {
    const path = `/webhooks/${options.sync}`;
    const expected = digest(`Bearer ${options.secret}`);
    // One delivery at a time, in the order they came, as PingOne sends them.
    let queue: Promise<unknown> = Promise.resolve();

    const refuse = (response: ServerResponse, status: number, reason: string) => {
        options.onDelivery?.({ refused: status, reason });
        response.writeHead(status).end();
    };

    async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
        // Any path: a tunnel in front (--public-url) may forward to another one; the secret is the check.
        if (request.method !== 'POST') return refuse(response, 405, `${request.method ?? ''} is not a delivery (POST)`);
        const authorization = request.headers.authorization ?? '';
        if (!timingSafeEqual(digest(authorization), expected)) return refuse(response, 401, 'the delivery did not carry the secret');
        const body = await readBody(request);
        if (body === undefined) return refuse(response, 413, `the body is over ${MAX_BODY_BYTES} bytes`);
        let payload: unknown;
        try {
            payload = JSON.parse(body.toString('utf8'));
        } catch {
            return refuse(response, 400, 'the body is not JSON');
        }
        const run = queue.then(() => options.harness.runWebhook(options.connection, options.sync, payload));
        queue = run.catch(() => undefined);
        try {
            const report = await run;
            options.onDelivery?.({ report });
            response.writeHead(report.status === 'success' ? 200 : 500).end();
        } catch (error) {
            refuse(response, 500, error instanceof Error ? error.message : 'the run could not start');
        }
    }

    const server = createServer((request, response) => {
        handle(request, response).catch(() => response.writeHead(500).end());
    });
    await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    return {
        url: `http://127.0.0.1:${port}${path}`,
        async close() {
            await new Promise<void>((resolve) => {
                server.close(() => resolve());
                server.closeAllConnections();
            });
            await queue;
        },
    };
}
