import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthFailedError } from '../errors/index.js';
import { readCallback } from './authorization-code.js';

export interface CallbackReceiver {
    /** `http://127.0.0.1:<port>/callback`: register it as a redirect URI of the PingOne application. */
    redirectUri: string;
    /**
     * Resolves to the code of the first redirect carrying `expectedState`; other hits are answered
     * and ignored. Rejects when the time is up, the signal aborts, or the receiver is closed first.
     */
    waitForCode(expectedState: string, options?: { signal?: AbortSignal; timeoutMs?: number }): Promise<string>;
    /** Stops the server; a wait still pending is rejected. */
    close(): Promise<void>;
}

const page = (title: string, text: string) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>${text}</p></body></html>`;

/**
 * The CLI's end of the authorization-code flow: a server on 127.0.0.1 only, serving one path,
 * that takes the browser's redirect, checks its state and hands over the code. It never shows
 * the code or a token on the page.
 */
export async function startCallbackReceiver(options: { port?: number } = {}): Promise<CallbackReceiver> {
    let deliver: ((params: URLSearchParams) => 'accepted' | 'failed' | 'ignored') | undefined;
    let stop: (() => void) | undefined;
    const server: Server = createServer((request, response) => {
        const url = new URL(request.url ?? '/', 'http://127.0.0.1');
        const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
        if (request.method !== 'GET' || url.pathname !== '/callback') {
            response.writeHead(404, headers).end(page('Not found', 'This server only receives the PingOne sign-on redirect.'));
            return;
        }
        const outcome = deliver?.(url.searchParams) ?? 'ignored';
        const [status, title, text] =
            outcome === 'accepted'
                ? [200, 'Signed on', 'You can close this window and go back to the terminal.']
                : outcome === 'failed'
                  ? [400, 'Sign-on failed', 'PingOne did not complete the sign-on; the terminal says why.']
                  : [400, 'Not expected', 'This redirect does not belong to the sign-on in progress; start it again from the terminal.'];
        response.writeHead(status, headers).end(page(title, text));
    });
    await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    const port = (server.address() as AddressInfo).port;
    return {
        redirectUri: `http://127.0.0.1:${port}/callback`,
        waitForCode(expectedState, { signal, timeoutMs = 10 * 60 * 1000 } = {}) {
            return new Promise<string>((resolve, reject) => {
                const finish = () => {
                    clearTimeout(timer);
                    signal?.removeEventListener('abort', onAbort);
                    deliver = undefined;
                    stop = undefined;
                };
                const fail = (error: unknown) => {
                    finish();
                    reject(error);
                };
                const onAbort = () => fail(signal?.reason);
                const timer = setTimeout(
                    () => fail(new AuthFailedError('access_denied', `No sign-on came back within ${spoken(timeoutMs)}.`, { hint: 'Start the sign-on again.' })),
                    timeoutMs,
                );
                // The receiver's server keeps the process up while it waits; the timer alone must not.
                timer.unref();
                stop = () =>
                    fail(new AuthFailedError('access_denied', 'The sign-on was stopped before PingOne came back.', { hint: 'Start the sign-on again.' }));
                signal?.addEventListener('abort', onAbort, { once: true });
                deliver = (params) => {
                    // A stray or stale redirect must not end the attempt in progress.
                    if (params.get('state') !== expectedState) return 'ignored';
                    finish();
                    try {
                        resolve(readCallback(params));
                        return 'accepted';
                    } catch (error) {
                        reject(error);
                        return 'failed';
                    }
                };
            });
        },
        close: () => {
            // A wait still pending when the receiver closes ends now, its timer with it.
            stop?.();
            return new Promise<void>((resolve) => {
                server.closeAllConnections();
                server.close(() => resolve());
            });
        },
    };
}

function spoken(ms: number): string {
    return ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(1))} s`;
}
