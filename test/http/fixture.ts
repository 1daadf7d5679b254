import { afterEach } from 'vitest';
import type { PingOneApiError } from '../../src/errors/index.js';
import {
    createPingOneDispatcher,
    errorFor,
    requestJson,
    type JsonRequest,
    type PingOneDispatcher,
    type PingOneDispatcherOptions,
} from '../../src/http/index.js';
import { startLoopbackServer, type LoopbackHandler, type LoopbackServer } from '../support/loopback-server.js';

export const allowedHosts = ['auth.pingone.com', 'api.pingone.com'];

const opened: Array<{ close(): Promise<void> }> = [];

afterEach(async () => {
    while (opened.length > 0) await opened.pop()?.close();
});

/** A loopback server standing in for PingOne, and a dispatcher mapped to it; both closed after the test. */
export async function serverAndDispatcher(
    handle: LoopbackHandler,
    options: Partial<PingOneDispatcherOptions> = {},
): Promise<{ server: LoopbackServer; dispatcher: PingOneDispatcher }> {
    const server = await startLoopbackServer(handle);
    opened.push(server);
    const dispatcher = createPingOneDispatcher({ allowedHosts, emulatorOrigin: server.origin, random: () => 0, ...options });
    opened.push(dispatcher);
    return { server, dispatcher };
}

/** The error a non-2xx answer becomes (as the token endpoint throws it for 429 and 5xx). */
export async function failureOf(dispatcher: PingOneDispatcher, request: JsonRequest): Promise<PingOneApiError> {
    return errorFor(await requestJson(dispatcher, request), request);
}
