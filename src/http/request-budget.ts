import type { Dispatcher } from 'undici';
import { abortableWait } from './abortable-wait.js';
import { dispatchWhenAdmitted } from './deferred-dispatch.js';

export interface RequestBudgetOptions {
    /** The rate to start at, and the least it falls to after 429s; PingOne's per-IP default is a share of the license's rate. */
    requestsPerSecond: number;
    /** Requests that may go at once after a quiet spell; defaults to one second's worth. */
    burst?: number;
    /** The most it climbs to while no 429 comes back (default: `requestsPerSecond`, a fixed rate). */
    maxRequestsPerSecond?: number;
}

/**
 * A token bucket: sending spends a token, tokens come back at a steady rate. Keeping under the
 * limit this way makes 429s rare, which beats backing off after them. A 429's `Retry-After`
 * holds the whole bucket, so the connection's other requests wait too instead of hitting 429s.
 *
 * The rate adapts to the tenant, as TCP's congestion window does. Until the first 429 (slow start)
 * it doubles after each half-second's worth of requests that had to wait for the budget, up to
 * `maxRequestsPerSecond`: a full sync of a large tenant is long, but most syncs are short, and a
 * slow climb held them to the starting guess for most of their run. After a 429 it halves, never
 * below the starting rate, and then rises by a quarter of the starting rate per second's worth of
 * waits (additive increase, multiplicative decrease). So a tenant with room is not held to a guess,
 * and one without sees no more than the fixed rate did once it has said so.
 */
export class TokenBucket {
    readonly #floor: number;
    readonly #ceiling: number;
    readonly #step: number;
    #perSecond: number;
    readonly #capacity: number;
    #tokens: number;
    #refilledAt: number;
    #heldUntil = 0;
    #waitedSinceChange = 0;
    #slowedAt = -Infinity;
    #slowStart = true;
    #queue: Promise<void> = Promise.resolve();

    constructor(
        options: RequestBudgetOptions,
        private readonly now: () => number = Date.now,
    ) {
        if (!(options.requestsPerSecond > 0)) throw new RangeError(`requestsPerSecond must be above 0, not ${options.requestsPerSecond}`);
        const ceiling = options.maxRequestsPerSecond ?? options.requestsPerSecond;
        if (!(ceiling >= options.requestsPerSecond))
            throw new RangeError(`maxRequestsPerSecond must be at least requestsPerSecond (${options.requestsPerSecond}), not ${ceiling}`);
        this.#floor = options.requestsPerSecond;
        this.#ceiling = ceiling;
        this.#step = options.requestsPerSecond / 4;
        this.#perSecond = options.requestsPerSecond;
        this.#capacity = Math.max(1, options.burst ?? Math.ceil(options.requestsPerSecond));
        this.#tokens = this.#capacity;
        this.#refilledAt = now();
    }

    /** The rate the budget allows now. */
    get requestsPerSecond(): number {
        return this.#perSecond;
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

    /** PingOne answered 429: hold until `until` and halve the rate (once for the 429s of one moment). */
    rateLimited(until: number): void {
        this.holdUntil(until);
        const now = this.now();
        if (now - this.#slowedAt < 1000) return;
        this.#slowedAt = now;
        this.#slowStart = false;
        this.#perSecond = Math.max(this.#floor, this.#perSecond / 2);
        this.#waitedSinceChange = 0;
    }

    /** A request waited for the budget: after enough of those with no 429, the rate rises (see the class). */
    #waited(): void {
        const waitsPerRise = this.#slowStart ? this.#perSecond / 2 : this.#perSecond;
        if (this.#perSecond >= this.#ceiling || ++this.#waitedSinceChange < waitsPerRise) return;
        this.#perSecond = Math.min(this.#ceiling, this.#slowStart ? this.#perSecond * 2 : this.#perSecond + this.#step);
        this.#waitedSinceChange = 0;
    }

    async #spend(signal?: AbortSignal): Promise<void> {
        for (let waited = false; ; waited = true) {
            signal?.throwIfAborted();
            const now = this.now();
            const perMs = this.#perSecond / 1000;
            this.#tokens = Math.min(this.#capacity, this.#tokens + (now - this.#refilledAt) * perMs);
            this.#refilledAt = now;
            const hold = this.#heldUntil - now;
            if (hold <= 0 && this.#tokens >= 1) {
                this.#tokens -= 1;
                if (waited) this.#waited();
                return;
            }
            await abortableWait(Math.max(hold, (1 - this.#tokens) / perMs, 1), signal);
        }
    }
}

/** Interceptor: every attempt spends one token of the connection's budget before it is sent. */
export function requestBudget(bucket: TokenBucket): Dispatcher.DispatcherComposeInterceptor {
    return (dispatch) => (opts, handler) => dispatchWhenAdmitted(dispatch, opts, handler, (signal) => bucket.take(signal));
}
