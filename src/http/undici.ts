// undici's parts that the client uses, loaded one by one: undici's index loads all of undici
// (fetch, WebSocket, caches, mocks, proxies), which took 130 ms of every CLI command's start, while
// the client needs its Agent, its Dispatcher and its request API (about 50 ms). They are the very
// modules the index exports (test/http/undici-parts.test.ts checks it), so types come from undici.
import { createRequire } from 'node:module';
import type * as Undici from 'undici';

const requireUndici = createRequire(import.meta.url);

export const Agent = requireUndici('undici/lib/dispatcher/agent.js') as typeof Undici.Agent;
export const Dispatcher = requireUndici('undici/lib/dispatcher/dispatcher.js') as typeof Undici.Dispatcher;
// The index's `request` binds this function to `opts.dispatcher` after splitting the URL; so does ours.
const requestThrough = requireUndici('undici/lib/api/api-request.js') as (
    this: Undici.Dispatcher,
    options: Undici.Dispatcher.RequestOptions,
) => Promise<Undici.Dispatcher.ResponseData>;

export type RequestOptions = Omit<Undici.Dispatcher.RequestOptions, 'origin' | 'path' | 'method'> & {
    dispatcher: Undici.Dispatcher;
    method: Undici.Dispatcher.HttpMethod;
};

/** undici's `request(url, options)`, always through the given dispatcher (never undici's global one). */
export function request(url: string | URL, { dispatcher, ...options }: RequestOptions): Promise<Undici.Dispatcher.ResponseData> {
    const target = typeof url === 'string' ? new URL(url) : url;
    return requestThrough.call(dispatcher, { ...options, origin: target.origin, path: `${target.pathname}${target.search}` });
}
