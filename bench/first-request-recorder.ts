// A loopback stand-in in front of the emulator that notes when the first request arrives, then
// forwards every request unchanged (x-forwarded-host included) and relays the answer.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request, type Dispatcher } from 'undici';

export interface FirstRequestRecorder {
    url: string;
    /** performance.now() when the first request since the last reset arrived. */
    firstAt(): number | undefined;
    reset(): void;
    close(): Promise<void>;
}

async function bodyOf(incoming: IncomingMessage): Promise<Buffer | undefined> {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    return chunks.length === 0 ? undefined : Buffer.concat(chunks);
}

export async function startFirstRequestRecorder(target: string): Promise<FirstRequestRecorder> {
    let first: number | undefined;
    const server = createServer((incoming, outgoing) => {
        first ??= performance.now();
        void (async () => {
            const { host: _host, connection: _connection, ...headers } = incoming.headers;
            const upstream = await request(`${target}${incoming.url ?? '/'}`, {
                method: (incoming.method ?? 'GET') as Dispatcher.HttpMethod,
                headers: headers as Record<string, string>,
                body: await bodyOf(incoming),
            });
            const body = Buffer.from(await upstream.body.arrayBuffer());
            outgoing.writeHead(upstream.statusCode, upstream.headers as Record<string, string>);
            outgoing.end(body);
        })().catch(() => outgoing.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return {
        url: `http://127.0.0.1:${port}`,
        firstAt: () => first,
        reset: () => {
            first = undefined;
        },
        close: () =>
            new Promise((resolve) => {
                server.close(() => resolve());
                server.closeAllConnections();
            }),
    };
}
