import type { Dispatcher } from 'undici';
import type { RetryEvent } from './retry.js';
import { errorCode } from './retry-policy.js';
import { redactText } from './redact.js';

/** Counters of one connection's traffic, read by the harness for its run summary. */
export interface RequestStats {
    /** Attempts put on the wire, retries included. */
    requests: number;
    /** Of those, attempts at the token endpoint: what a run's API request count leaves out. */
    tokenRequests: number;
    retries: number;
    status429: number;
    /** Attempts that ended without an answer (refused, reset, timed out). */
    networkErrors: number;
    byStatus: Record<number, number>;
}

export function createRequestStats(): RequestStats {
    return { requests: 0, tokenRequests: 0, retries: 0, status429: 0, networkErrors: 0, byStatus: {} };
}

/** How the token request marks itself (see PingOneRequestOptions). */
type TokenEndpointMark = { tokenEndpoint?: boolean };

/** One line of the HTTP log; already redacted, so it may be printed as it is. */
export type HttpLogEvent =
    | { type: 'response'; method: string; url: string; status: number; durationMs: number }
    | { type: 'network_error'; method: string; url: string; errorCode: string; durationMs: number }
    | { type: 'retry'; method: string; url: string; retry: number; delayMs: number; status?: number; errorCode?: string; retryAfterMs?: number };

export type HttpLogger = (event: HttpLogEvent) => void;

export function logUrl(origin: string, path: string): string {
    return redactText(`${origin}${path}`);
}

/** Records a retry in the stats and the log. */
export function recordRetry(stats: RequestStats, logger: HttpLogger | undefined, event: RetryEvent): void {
    stats.retries += 1;
    const { origin, path, ...rest } = event;
    logger?.({ type: 'retry', ...rest, url: logUrl(origin, path) });
}

/** Interceptor: counts every attempt by outcome and logs it (method, URL, status, duration; never headers or bodies). */
export function requestStats(stats: RequestStats, logger?: HttpLogger): Dispatcher.DispatcherComposeInterceptor {
    return (dispatch) => (opts, handler) => {
        const startedAt = performance.now();
        const method = String(opts.method);
        const url = logUrl(String(opts.origin ?? ''), opts.path);
        const durationMs = () => Math.round(performance.now() - startedAt);
        stats.requests += 1;
        if ((opts as TokenEndpointMark).tokenEndpoint === true) stats.tokenRequests += 1;
        return dispatch(opts, {
            ...forwardAll(handler),
            onResponseStart(controller, status, headers, statusMessage) {
                stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
                if (status === 429) stats.status429 += 1;
                logger?.({ type: 'response', method, url, status, durationMs: durationMs() });
                handler.onResponseStart?.(controller, status, headers, statusMessage);
            },
            onResponseError(controller, error) {
                // undici reports a failed connect with no controller at all.
                if (controller?.aborted !== true) {
                    stats.networkErrors += 1;
                    logger?.({ type: 'network_error', method, url, errorCode: errorCode(error) ?? error.name, durationMs: durationMs() });
                }
                handler.onResponseError?.(controller, error);
            },
        });
    };
}

/** A handler that passes every event through, to override one or two of them. */
export function forwardAll(handler: Dispatcher.DispatchHandler): Dispatcher.DispatchHandler {
    return {
        onRequestStart: (controller, context) => handler.onRequestStart?.(controller, context),
        onRequestUpgrade: (controller, statusCode, headers, socket) => handler.onRequestUpgrade?.(controller, statusCode, headers, socket),
        onResponseStart: (controller, statusCode, headers, statusMessage) => handler.onResponseStart?.(controller, statusCode, headers, statusMessage),
        onResponseData: (controller, chunk) => handler.onResponseData?.(controller, chunk),
        onResponseEnd: (controller, trailers) => handler.onResponseEnd?.(controller, trailers),
        onResponseError: (controller, error) => handler.onResponseError?.(controller, error),
    };
}
