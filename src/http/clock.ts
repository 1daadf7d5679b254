import { abortableWait } from './abortable-wait.js';

/** Time as a rate limiter sees it; tests pass one whose waits move time on at once, so they sleep through nothing. */
export interface Clock {
    /** Milliseconds on a steady scale (only differences are compared). */
    now(): number;
    /** Resolves after `ms` of this clock's time, or rejects with the signal's reason as soon as it aborts. */
    wait(ms: number, signal?: AbortSignal): Promise<void>;
}

// Monotonic: a rate is a matter of elapsed time, which the wall clock (set back, or faked by a test) may not tell.
export const realClock: Clock = { now: () => performance.now(), wait: abortableWait };
