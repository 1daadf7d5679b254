import type { Dispatcher } from 'undici';
import type { PingOneRequestOptions } from './bearer-token.js';
import { ControllerProxy } from './controller-proxy.js';
import { asError } from './deferred-dispatch.js';
import { headerValue } from './headers.js';
import {
    backoffDelay,
    defaultRetryOptions,
    errorCode,
    isIdempotent,
    isReplayable,
    isRetryableError,
    parseRetryAfter,
    type RetryOptions,
} from './retry-policy.js';

/** What a retry is about to do; counted in the stats and logged. */
export interface RetryEvent {
    method: string;
    origin: string;
    path: string;
    /** 1 for the first retry. */
    retry: number;
    delayMs: number;
    status?: number;
    errorCode?: string;
    /** Set when the wait came from the answer's `Retry-After`. */
    retryAfterMs?: number;
}

export interface RetryHooks {
    onRetry?(event: RetryEvent): void;
    /** PingOne answered 429: nothing should go for `holdMs` (its Retry-After, bounded). */
    onRateLimited?(holdMs: number): void;
    random?: () => number;
}

/** Per-request overrides, as the harness passes them from a script's proxy config. */
export interface PerRequestRetryOptions {
    retryOptions?: Partial<Pick<RetryOptions, 'maxRetries' | 'statusCodes'>>;
}

/**
 * Interceptor: sends a request again after 429, 500, 502, 503, 504 and connection failures, waiting
 * `Retry-After` when the answer has one and a capped, fully jittered exponential backoff otherwise.
 * A request that is not idempotent is sent again only after failures that prove it never left
 * (refused connection, connect timeout): a POST that may have created a user is never repeated.
 * The answer that ends the retries (success, other error, or the last retryable one) streams to the
 * caller unchanged; the ones retried are drained and dropped.
 *
 * A 401 to a request that carries a bearer token is sent once more, at once and whatever its method:
 * PingOne refused the token before doing anything, and the bearer interceptor (inside this one) has
 * invalidated it, so the second attempt carries a new one. That is a token renewal, not a retry: it
 * is not counted, and a second 401 goes to the caller.
 */
export function retry(options: Partial<RetryOptions> = {}, hooks: RetryHooks = {}): Dispatcher.DispatcherComposeInterceptor {
    const policy: RetryOptions = { ...defaultRetryOptions, ...options };
    return (dispatch) => (opts, handler) => {
        const perRequest = (opts as Dispatcher.DispatchOptions & PerRequestRetryOptions).retryOptions;
        new RetryingRequest(dispatch, opts, handler, { ...policy, ...perRequest }, hooks).start();
        return true;
    };
}

interface PlannedRetry {
    delayMs: number;
    /** Absent for the resend after a 401, which is not a retry. */
    event?: RetryEvent;
}

class RetryingRequest implements Dispatcher.DispatchHandler {
    readonly #proxy: ControllerProxy;
    readonly #idempotent: boolean;
    readonly #replayable: boolean;
    readonly #bearer: boolean;
    #resentWithNewToken = false;
    #retries = 0;
    #forwarded = false;
    #planned: PlannedRetry | undefined;
    #timer: NodeJS.Timeout | undefined;
    #finished = false;

    constructor(
        private readonly dispatch: Dispatcher.Dispatch,
        private readonly opts: Dispatcher.DispatchOptions,
        private readonly handler: Dispatcher.DispatchHandler,
        private readonly policy: RetryOptions,
        private readonly hooks: RetryHooks,
    ) {
        this.#idempotent = isIdempotent(opts);
        this.#replayable = isReplayable(opts.body);
        this.#bearer = (opts as Dispatcher.DispatchOptions & PingOneRequestOptions).bearer !== undefined;
        this.#proxy = new ControllerProxy((reason) => {
            clearTimeout(this.#timer);
            this.#fail(reason);
        });
    }

    start(): void {
        this.handler.onRequestStart?.(this.#proxy, {});
        this.#send();
    }

    onRequestStart(controller: Dispatcher.DispatchController): void {
        this.#proxy.target = controller;
    }

    onRequestUpgrade(
        _controller: Dispatcher.DispatchController,
        statusCode: number,
        headers: Record<string, string | string[] | undefined>,
        socket: import('node:stream').Duplex,
    ): void {
        this.handler.onRequestUpgrade?.(this.#proxy, statusCode, headers, socket);
    }

    onResponseStart(
        _controller: Dispatcher.DispatchController,
        statusCode: number,
        headers: Record<string, string | string[] | undefined>,
        statusMessage?: string,
    ): void {
        this.#planned = this.#planForStatus(statusCode, headers);
        if (this.#planned !== undefined) return;
        this.#forwarded = true;
        this.handler.onResponseStart?.(this.#proxy, statusCode, headers, statusMessage);
    }

    onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
        if (this.#planned === undefined) this.handler.onResponseData?.(this.#proxy, chunk);
    }

    onResponseEnd(_controller: Dispatcher.DispatchController, trailers: Record<string, string | string[] | undefined>): void {
        this.#proxy.target = null;
        if (this.#planned !== undefined) return this.#schedule(this.#planned);
        this.#finished = true;
        this.handler.onResponseEnd?.(this.#proxy, trailers);
    }

    onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
        this.#proxy.target = null;
        if (this.#proxy.aborted) return this.#fail(this.#proxy.reason ?? error);
        // A retryable answer whose body broke off is still a retryable answer.
        const plan = this.#planned ?? this.#planForError(error);
        if (plan !== undefined) return this.#schedule(plan);
        this.#fail(error);
    }

    #send(): void {
        this.#planned = undefined;
        try {
            this.dispatch(this.opts, this);
        } catch (error) {
            this.#fail(asError(error));
        }
    }

    #schedule(plan: PlannedRetry): void {
        if (plan.event !== undefined) {
            this.#retries += 1;
            this.hooks.onRetry?.(plan.event);
        }
        this.#timer = setTimeout(() => this.#send(), plan.delayMs);
    }

    #fail(error: Error): void {
        if (this.#finished) return;
        this.#finished = true;
        this.handler.onResponseError?.(this.#proxy, error);
    }

    #mayRetry(): boolean {
        return !this.#forwarded && this.#replayable && this.#retries < this.policy.maxRetries;
    }

    #planForStatus(status: number, headers: Record<string, string | string[] | undefined>): PlannedRetry | undefined {
        if (status === 401 && this.#bearer && !this.#resentWithNewToken && !this.#forwarded && this.#replayable) {
            this.#resentWithNewToken = true;
            return { delayMs: 0 };
        }
        if (!this.policy.statusCodes.includes(status)) return undefined;
        const retryAfterMs = parseRetryAfter(headerValue(headers, 'retry-after'));
        if (status === 429) this.hooks.onRateLimited?.(Math.min(retryAfterMs ?? 0, this.policy.maxRetryAfterMs));
        // Any answer means the request reached PingOne; only an idempotent one may go again.
        if (!this.#idempotent || !this.#mayRetry()) return undefined;
        if (retryAfterMs !== undefined && retryAfterMs > this.policy.maxRetryAfterMs) return undefined;
        const delayMs = retryAfterMs ?? backoffDelay(this.#retries, this.policy, this.hooks.random);
        return { delayMs, event: this.#event({ delayMs, status, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) }) };
    }

    #planForError(error: Error): PlannedRetry | undefined {
        if (!this.#mayRetry() || !isRetryableError(error, this.#idempotent)) return undefined;
        const delayMs = backoffDelay(this.#retries, this.policy, this.hooks.random);
        const code = errorCode(error) ?? errorCode(error.cause);
        return { delayMs, event: this.#event({ delayMs, ...(code === undefined ? {} : { errorCode: code }) }) };
    }

    #event(detail: Pick<RetryEvent, 'delayMs' | 'status' | 'errorCode' | 'retryAfterMs'>): RetryEvent {
        return { method: String(this.opts.method), origin: String(this.opts.origin ?? ''), path: this.opts.path, retry: this.#retries + 1, ...detail };
    }
}
