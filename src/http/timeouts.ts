import type { Dispatcher } from 'undici';

export interface TimeoutOptions {
    /** Time to open the TCP/TLS connection. */
    connectMs: number;
    /** Time from sending to the answer's headers. */
    headersMs: number;
    /** Longest silence while the body streams. */
    bodyMs: number;
}

// PingOne answers in well under a second; a minute of silence is a dead connection, not a slow page.
export const defaultTimeouts: TimeoutOptions = { connectMs: 10_000, headersMs: 60_000, bodyMs: 60_000 };

/** Interceptor: gives every request the connection's header and body timeouts unless it set its own. */
export function timeouts(options: Pick<TimeoutOptions, 'headersMs' | 'bodyMs'>): Dispatcher.DispatcherComposeInterceptor {
    return (dispatch) => (opts, handler) =>
        dispatch({ ...opts, headersTimeout: opts.headersTimeout ?? options.headersMs, bodyTimeout: opts.bodyTimeout ?? options.bodyMs }, handler);
}
