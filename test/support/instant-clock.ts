import type { Clock } from '../../src/http/clock.js';

/**
 * A clock whose waits move its time on at once: a rate limiter under it runs through minutes of
 * its own time in milliseconds of ours. Waits must come one at a time (the request budget's do:
 * it serves its callers in order), since each moves the one shared time.
 */
export function instantClock(start = 0): Clock & { advance(ms: number): void } {
    let now = start;
    return {
        now: () => now,
        wait: async (ms, signal) => {
            signal?.throwIfAborted();
            now += Math.max(0, ms);
        },
        advance: (ms) => {
            now += ms;
        },
    };
}
