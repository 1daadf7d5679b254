import type { Agent, Dispatcher } from 'undici';
import { bearerToken, type PingOneRequestOptions } from './bearer-token.js';
import { concurrencyLimit } from './concurrency-limit.js';
import { emulatorHostMapping } from './emulator-host-mapping.js';
import { hostAllowList } from './host-allow-list.js';
import { requestBudget, TokenBucket, type FoundRate } from './request-budget.js';
import { createRequestStats, recordRetry, requestStats, type HttpLogger, type RequestStats } from './request-stats.js';
import { retry } from './retry.js';
import type { RetryOptions } from './retry-policy.js';
import { defaultTimeouts, timeouts, type TimeoutOptions } from './timeouts.js';
import { Agent as UndiciAgent, Dispatcher as UndiciDispatcher } from './undici.js';

export interface PingOneDispatcherOptions {
    /** The only hosts requests may go to: `connector.allowedHosts(config)`. */
    allowedHosts: readonly string[];
    /** A loopback emulator that stands in for auth.pingone.<tld> and api.pingone.<tld>. */
    emulatorOrigin?: string | URL;
    retry?: Partial<RetryOptions>;
    /** Requests of this connection on the wire at once (default 8). */
    maxConcurrency?: number;
    /** The proactive budget's starting rate (default 50/s, under PingOne's per-IP 100/s); 0 or Infinity turns it off. After 429s it falls below it, to 1/s at the least. */
    requestsPerSecond?: number;
    /** The most the budget climbs to while no 429 comes back (default 4 × requestsPerSecond; equal to it for a fixed rate). */
    maxRequestsPerSecond?: number;
    /** Requests allowed at once after a quiet spell (default 1: PingOne documents no burst size). */
    burst?: number;
    timeouts?: Partial<TimeoutOptions>;
    /** Counters to fill; pass one to share it between dispatchers, or read `dispatcher.stats`. */
    stats?: RequestStats;
    /** Receives one redacted event per attempt and per retry. */
    logger?: HttpLogger;
    /** Jitter source, for tests that want deterministic delays. */
    random?: () => number;
}

export const defaultMaxConcurrency = 8;
export const defaultRequestsPerSecond = 50;
const defaultBudgetHeadroom = 4;

/**
 * A connection's dispatcher: an undici Agent behind a chain of interceptors. From the caller's
 * side, in order: host allow-list → retries → concurrency limit → request budget → bearer token →
 * timeouts → statistics → emulator host mapping → the network. So a refused host is never sent,
 * mapped or retried; a request waiting for its retry holds no slot; every attempt spends budget,
 * takes its token as it leaves the queue, and is counted; and the counts and logs name PingOne's
 * host, not the emulator's. Token-endpoint requests go around the limit and the budget.
 */
export class PingOneDispatcher extends UndiciDispatcher {
    readonly stats: RequestStats;
    readonly #agent: Agent;
    readonly #bucket: TokenBucket | undefined;
    readonly #dispatch: Dispatcher.Dispatch;

    constructor(options: PingOneDispatcherOptions) {
        super();
        const limits = { ...defaultTimeouts, ...options.timeouts };
        const rate = options.requestsPerSecond ?? defaultRequestsPerSecond;
        const bucket =
            rate > 0 && Number.isFinite(rate)
                ? new TokenBucket({
                      requestsPerSecond: rate,
                      maxRequestsPerSecond: options.maxRequestsPerSecond ?? rate * defaultBudgetHeadroom,
                      ...(options.burst ? { burst: options.burst } : {}),
                  })
                : undefined;
        this.#bucket = bucket;
        const stats = options.stats ?? createRequestStats();
        this.stats = stats;
        this.#agent = new UndiciAgent({ connect: { timeout: limits.connectMs } });
        // compose() wraps in list order, so the last interceptor listed is the first to see a request.
        const chain: Array<Dispatcher.DispatcherComposeInterceptor | undefined> = [
            options.emulatorOrigin === undefined ? undefined : emulatorHostMapping(options.emulatorOrigin),
            requestStats(stats, options.logger),
            timeouts(limits),
            bearerToken(),
            bucket === undefined ? undefined : apiRequestsOnly(requestBudget(bucket)),
            apiRequestsOnly(concurrencyLimit(options.maxConcurrency ?? defaultMaxConcurrency)),
            retry(options.retry, {
                onRetry: (event) => recordRetry(stats, options.logger, event),
                onRateLimited: (holdMs) => bucket?.rateLimited(holdMs),
                ...(options.random ? { random: options.random } : {}),
            }),
            hostAllowList(options.allowedHosts),
        ];
        this.#dispatch = this.#agent.compose(chain.filter((interceptor) => interceptor !== undefined)).dispatch;
    }

    /** The rate the request budget allows now (it adapts between requestsPerSecond and maxRequestsPerSecond); Infinity without one. */
    get requestsPerSecond(): number {
        return this.#bucket?.requestsPerSecond ?? Infinity;
    }

    /** Runs the request budget at the tenant's known rate, or withdraws it (TokenBucket.limitTo); no-op without a budget. */
    limitRate(requestsPerSecond: number | undefined): void {
        this.#bucket?.limitTo(requestsPerSecond);
    }

    /** What the budget found out about the tenant's limit (TokenBucket.found); undefined without one. */
    get foundRate(): FoundRate | undefined {
        return this.#bucket?.found;
    }

    /** Starts the budget from what an earlier run found (TokenBucket.resume); no-op without a budget. */
    resumeRate(found: FoundRate): void {
        this.#bucket?.resume(found);
    }

    override dispatch(opts: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
        return this.#dispatch(opts, handler);
    }

    override close(): Promise<void>;
    override close(callback: () => void): void;
    override close(callback?: () => void): Promise<void> | void {
        const closing = this.#agent.close();
        if (callback === undefined) return closing;
        void closing.then(callback, callback);
    }

    override destroy(): Promise<void>;
    override destroy(error: Error | null): Promise<void>;
    override destroy(callback: () => void): void;
    override destroy(error: Error | null, callback: () => void): void;
    override destroy(errorOrCallback?: Error | null | (() => void), callback?: () => void): Promise<void> | void {
        const error = typeof errorOrCallback === 'function' ? null : (errorOrCallback ?? null);
        const done = typeof errorOrCallback === 'function' ? errorOrCallback : callback;
        const destroying = this.#agent.destroy(error);
        if (done === undefined) return destroying;
        void destroying.then(done, done);
    }
}

export function createPingOneDispatcher(options: PingOneDispatcherOptions): PingOneDispatcher {
    return new PingOneDispatcher(options);
}

/**
 * A dispatcher that honours the `bearer` request option: a PingOneDispatcher does (when the
 * request leaves its queue); any other gets the same interceptor in front, with no queue to wait in,
 * and behind the retry interceptor with no retries, which still sends once more after a 401.
 */
export function bearerCapable(dispatcher: Dispatcher): Dispatcher {
    return dispatcher instanceof PingOneDispatcher ? dispatcher : dispatcher.compose(bearerToken(), retry({ maxRetries: 0 }));
}

/** Token requests skip `interceptor`: API requests held in it may be waiting for the token they fetch. */
function apiRequestsOnly(interceptor: Dispatcher.DispatcherComposeInterceptor): Dispatcher.DispatcherComposeInterceptor {
    return (dispatch) => {
        const queued = interceptor(dispatch);
        return (opts, handler) => ((opts as PingOneRequestOptions).tokenEndpoint ? dispatch(opts, handler) : queued(opts, handler));
    };
}

export type { FoundRate } from './request-budget.js';
export { createRequestStats, type HttpLogEvent, type HttpLogger, type RequestStats } from './request-stats.js';
export { parseRetryAfter, backoffDelay, defaultRetryOptions, isIdempotent, type RetryOptions } from './retry-policy.js';
export { transportFailure } from './transport-failure.js';
export type { RetryEvent, PerRequestRetryOptions } from './retry.js';
export type { TimeoutOptions } from './timeouts.js';
export type { BearerTokens, PingOneRequestOptions } from './bearer-token.js';
export { parseEmulatorOrigin } from './emulator-host-mapping.js';
export { requestJson, errorFor, type JsonRequest, type JsonResponse } from './request-json.js';
export { redactText, redactHeaders, redactValue } from './redact.js';
