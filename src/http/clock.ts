import { abortableWait } from './abortable-wait.js';

/** Time as a rate limiter sees it; tests pass one whose waits move time on at once, so they sleep through nothing. */
export interface Clock {
    /** Milliseconds on a steady scale (epoch or monotonic: only differences and `Retry-After` deadlines are compared). */
    now(): number;
    /** Resolves after `ms` of this clock's time, or rejects with the signal's reason as soon as it aborts. */
    wait(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: Clock = { now: () => Date.now(), wait: abortableWait };
