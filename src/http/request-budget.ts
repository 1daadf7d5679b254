import type { Dispatcher } from 'undici';
import { abortableWait } from './abortable-wait.js';
import { dispatchWhenAdmitted } from './deferred-dispatch.js';

export interface RequestBudgetOptions {
    /** Sustained rate; PingOne's per-IP default is a share of the license's rate, so stay under it. */
    requestsPerSecond: number;
    /** Requests that may go at once after a quiet spell; defaults to one second's worth. */
    burst?: number;
}

/**
 * A token bucket: sending spends a token, tokens come back at a steady rate. Keeping under the
 * limit this way makes 429s rare, which beats backing off after them. A 429's `Retry-After`
 * holds the whole bucket, so the connection's other requests wait too instead of hitting 429s.
 */
export class TokenBucket {
    readonly #rate: number;
    readonly #capacity: number;
    #tokens: number;
    #refilledAt: number;
    #heldUntil = 0;
    #queue: Promise<void> = Promise.resolve();

    constructor(
        options: RequestBudgetOptions,
        private readonly now: () => number = Date.now,
    ) {
        if (!(options.requestsPerSecond > 0)) throw new RangeError(`requestsPerSecond must be above 0, not ${options.requestsPerSecond}`);
        this.#rate = options.requestsPerSecond / 1000;
        this.#capacity = Math.max(1, options.burst ?? Math.ceil(options.requestsPerSecond));
        this.#tokens = this.#capacity;
        this.#refilledAt = now();
    }

    /** Resolves when a token is spent for the caller; callers are served in arrival order. */
    take(signal?: AbortSignal): Promise<void> {
        const turn = this.#queue.then(() => this.#spend(signal));
        // A caller that gives up must not stall the ones behind it.
        this.#queue = turn.catch(() => {});
        return turn;
    }

    /** Holds every request until `until` (epoch ms), e.g. when PingOne answered 429 with Retry-After. */
    holdUntil(until: number): void {
        this.#heldUntil = Math.max(this.#heldUntil, until);
    }

    async #spend(signal?: AbortSignal): Promise<void> {
        for (;;) {
            signal?.throwIfAborted();
            const now = this.now();
            this.#tokens = Math.min(this.#capacity, this.#tokens + (now - this.#refilledAt) * this.#rate);
            this.#refilledAt = now;
            const hold = this.#heldUntil - now;
            if (hold <= 0 && this.#tokens >= 1) {
                this.#tokens -= 1;
                return;
            }
            await abortableWait(Math.max(hold, (1 - this.#tokens) / this.#rate, 1), signal);
        }
    }
}

/** Interceptor: every attempt spends one token of the connection's budget before it is sent. */
export function requestBudget(bucket: TokenBucket): Dispatcher.DispatcherComposeInterceptor {
    return (dispatch) => (opts, handler) => dispatchWhenAdmitted(dispatch, opts, handler, (signal) => bucket.take(signal));
}
