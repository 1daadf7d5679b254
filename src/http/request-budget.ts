import type { Dispatcher } from 'undici';
import { realClock, type Clock } from './clock.js';
import { dispatchWhenAdmitted } from './deferred-dispatch.js';

export interface RequestBudgetOptions {
    /** The rate to start at; PingOne's per-IP default is a share of the license's rate. */
    requestsPerSecond: number;
    /**
     * Requests that may go at once after a quiet spell (default 1). PingOne does not document a burst
     * size, and a burst above the tenant's costs a whole `Retry-After`, so the default only paces.
     */
    burst?: number;
    /** The most it climbs to while no 429 comes back (default: `requestsPerSecond`). */
    maxRequestsPerSecond?: number;
    /** The least it falls to after 429s (default 1 request/s, or the start if lower). */
    minRequestsPerSecond?: number;
}

/**
 * What a budget has found out about the tenant's limit, kept past the process so that the connection's
 * next run starts there rather than finding it again (as TCP stacks keep a path's slow-start threshold).
 */
export interface FoundRate {
    /** The rate it ran at. */
    requestsPerSecond: number;
    /** The rate the last 429 came at: the tenant's limit as far as anyone knows. */
    limitAt: number;
}

/** A 429 after the rate rose: it was just above the limit, so a small cut settles under it. */
const calmCut = 0.95;
/** Rises per second's worth of waited requests, as shares of the rate the last 429 came at. */
const recoveryStep = 0.1;
const probeStep = 0.0002;
/** The probing rise doubles every this many milliseconds since the last cut (a cubic-like probe). */
const probeDoublingMs = 30_000;
/** Token counts are sums of float products: a token short by a rounding error is a whole token. */
const roundingSlack = 1e-9;
/** Past the rate of the last 429 by this much with none since, that 429 no longer says where the limit is. */
const staleLimit = 1.2;
/**
 * At a licence's rate the budget paces this much under it: PingOne documents no burst size, and under
 * a burst of 1 a request that arrives a few milliseconds early is a 429 that holds everything for a
 * whole second (10 requests at 10/s). 3% absorbs 3 ms of jitter at 10/s (npm run bench: rate limit).
 */
const licenceHeadroom = 0.97;

/**
 * A token bucket: sending spends a token, tokens come back at a steady rate. Keeping under the
 * limit this way makes 429s rare, which beats backing off after them.
 *
 * The rate adapts to the tenant. Until the first 429 (slow start) it doubles after each half-second's
 * worth of requests that had to wait for the budget, up to `maxRequestsPerSecond`. A 429 holds the
 * whole bucket until its `Retry-After`, then releases the waiters one token at a time (never all at
 * once: no more bursts), and, unless it answered the first burst, cuts the rate, down to `minRequestsPerSecond` if need be: by half out of slow start;
 * by 5% when the rate had risen since the last cut (it found the limit from below); and when it had
 * not, by the last cut squared (0.95, 0.9, 0.81, 0.66, then half), since that cut was not enough. The
 * rate of the last 429 is the tenant's limit as far as anyone knows: the budget climbs back quickly to
 * 90% of it, then probes above it slowly, faster the longer no 429 comes, and back in slow start once
 * 20% past it. So a sync settles at 0.9 of the limit or more, and a 429 costs one `Retry-After` in
 * thirty seconds or more (request-budget.test.ts measures it over limits from 5 to 150 per second).
 */
export class TokenBucket {
    readonly #floor: number;
    #ceiling: number;
    /** The ceiling it was made with, back when the known rate is withdrawn. */
    readonly #configuredCeiling: number;
    readonly #clock: Clock;
    #perSecond: number;
    #capacity: number;
    #tokens: number;
    #refilledAt: number;
    #heldUntil = 0;
    #waitedSinceChange = 0;
    #slowedAt = -Infinity;
    /** The rate the last 429 came at; Infinity before the first (slow start). */
    #limitAt = Infinity;
    #lastCut = 1;
    #roseSinceCut = false;
    /** Whether the rate is a licence's (limitTo): then nothing was found out. */
    #licensed = false;
    /** Whether a request has had to wait for a token: until then, requests went out of the saved-up burst. */
    #paced = false;
    #queue: Promise<void> = Promise.resolve();

    constructor(options: RequestBudgetOptions, clock: Clock = realClock) {
        if (!(options.requestsPerSecond > 0)) throw new RangeError(`requestsPerSecond must be above 0, not ${options.requestsPerSecond}`);
        const ceiling = options.maxRequestsPerSecond ?? options.requestsPerSecond;
        if (!(ceiling >= options.requestsPerSecond))
            throw new RangeError(`maxRequestsPerSecond must be at least requestsPerSecond (${options.requestsPerSecond}), not ${ceiling}`);
        const floor = options.minRequestsPerSecond ?? Math.min(1, options.requestsPerSecond);
        if (!(floor > 0 && floor <= options.requestsPerSecond))
            throw new RangeError(`minRequestsPerSecond must be above 0 and at most requestsPerSecond (${options.requestsPerSecond}), not ${floor}`);
        this.#floor = floor;
        this.#ceiling = ceiling;
        this.#configuredCeiling = ceiling;
        this.#clock = clock;
        this.#perSecond = options.requestsPerSecond;
        this.#capacity = Math.max(1, options.burst ?? 1);
        this.#tokens = this.#capacity;
        this.#refilledAt = clock.now();
    }

    /** The rate the budget allows now. */
    get requestsPerSecond(): number {
        return this.#perSecond;
    }

    /** What the budget knows of the tenant's limit from its 429s (its own or a resumed run's); undefined under a licence or before any 429. */
    get found(): FoundRate | undefined {
        if (this.#licensed || this.#limitAt === Infinity) return undefined;
        return { requestsPerSecond: this.#perSecond, limitAt: this.#limitAt };
    }

    /**
     * Starts from what an earlier run found: its rate, and the limit above it, past which it probes
     * slowly (a 429 there is the small cut), as it would have carried on.
     */
    resume(found: FoundRate): void {
        this.#perSecond = Math.min(this.#ceiling, Math.max(this.#floor, found.requestsPerSecond));
        this.#limitAt = Math.max(this.#perSecond, found.limitAt);
        this.#roseSinceCut = true;
        // As if cut a second ago: its probe starts from its least rise, and its first 429 cuts.
        this.#slowedAt = this.#clock.now() - 1000;
        this.#waitedSinceChange = 0;
    }

    /**
     * The tenant's rate, as the connection's owner knows it (their licence): the budget runs just under
     * it (`licenceHeadroom`) from now on, with no slow start below it and no climb above it; a 429 still
     * cuts it. `undefined` withdraws it.
     */
    limitTo(requestsPerSecond: number | undefined): void {
        if (requestsPerSecond === undefined) {
            // Withdrawn: it adapts again up to its own ceiling, from where it is.
            this.#licensed = false;
            this.#ceiling = this.#configuredCeiling;
            this.#perSecond = Math.min(this.#perSecond, this.#ceiling);
            return;
        }
        if (!(requestsPerSecond >= this.#floor)) throw new RangeError(`The rate must be at least ${this.#floor} requests/s, not ${requestsPerSecond}`);
        const pace = Math.max(this.#floor, requestsPerSecond * licenceHeadroom);
        this.#licensed = true;
        this.#ceiling = pace;
        this.#perSecond = pace;
        this.#limitAt = pace;
        // A 429 at the known rate is one just above the tenant's: the small cut.
        this.#roseSinceCut = true;
    }

    /** Resolves when a token is spent for the caller; callers are served in arrival order. */
    take(signal?: AbortSignal): Promise<void> {
        const turn = this.#queue.then(() => this.#spend(signal));
        // A caller that gives up must not stall the ones behind it.
        this.#queue = turn.catch(() => {});
        return turn;
    }

    /**
     * PingOne answered 429: nothing goes for `holdMs` (its Retry-After), the tokens saved up are gone,
     * and the rate is cut (once for the 429s of one moment: those sent before it).
     */
    rateLimited(holdMs: number): void {
        const now = this.#clock.now();
        this.#heldUntil = Math.max(this.#heldUntil, now + holdMs);
        this.#tokens = 0;
        this.#capacity = 1;
        this.#refilledAt = Math.max(this.#refilledAt, this.#heldUntil);
        // A 429 to the first burst says the tenant allows smaller bursts, not that the rate is too high.
        if (!this.#paced || now - this.#slowedAt < 1000) return;
        const cut = this.#limitAt === Infinity ? 0.5 : this.#roseSinceCut ? calmCut : Math.max(0.5, this.#lastCut ** 2);
        this.#limitAt = this.#perSecond;
        this.#perSecond = Math.max(this.#floor, this.#perSecond * cut);
        this.#lastCut = cut;
        this.#roseSinceCut = false;
        this.#slowedAt = now;
        this.#waitedSinceChange = 0;
    }

    /** A request waited for the budget: after a second's worth of those with no 429, the rate rises (see the class). */
    #waited(): void {
        if (this.#perSecond >= this.#ceiling) return;
        const slowStart = this.#limitAt === Infinity;
        if (++this.#waitedSinceChange < (slowStart ? this.#perSecond / 2 : this.#perSecond)) return;
        this.#waitedSinceChange = 0;
        if (slowStart) {
            this.#perSecond = Math.min(this.#ceiling, this.#perSecond * 2);
            return;
        }
        const recovering = this.#perSecond < 0.9 * this.#limitAt;
        const sinceCut = this.#clock.now() - this.#slowedAt;
        const rise = recovering ? recoveryStep : probeStep * 2 ** (sinceCut / probeDoublingMs);
        const risen = this.#perSecond + rise * this.#limitAt;
        this.#perSecond = Math.min(this.#ceiling, recovering ? Math.min(risen, 0.9 * this.#limitAt) : risen);
        this.#roseSinceCut = true;
        if (this.#perSecond > staleLimit * this.#limitAt) this.#limitAt = Infinity;
    }

    async #spend(signal?: AbortSignal): Promise<void> {
        for (let waited = false; ; waited = true) {
            signal?.throwIfAborted();
            const now = this.#clock.now();
            const perMs = this.#perSecond / 1000;
            // No tokens come back during a hold: after it, the waiters leave at the rate, one by one.
            this.#tokens = Math.min(this.#capacity, this.#tokens + Math.max(0, now - this.#refilledAt) * perMs);
            this.#refilledAt = Math.max(now, this.#refilledAt);
            const hold = this.#heldUntil - now;
            if (hold <= 0 && this.#tokens >= 1 - roundingSlack) {
                this.#tokens -= 1;
                if (waited) {
                    this.#paced = true;
                    this.#waited();
                }
                return;
            }
            await this.#clock.wait(Math.max(hold, (1 - this.#tokens) / perMs, 1), signal);
        }
    }
}

/** Interceptor: every attempt spends one token of the connection's budget before it is sent. */
export function requestBudget(bucket: TokenBucket): Dispatcher.DispatcherComposeInterceptor {
    return (dispatch) => (opts, handler) => dispatchWhenAdmitted(dispatch, opts, handler, (signal) => bucket.take(signal));
}
