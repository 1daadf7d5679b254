import type { RateLimitSettings } from '../options.js';

/**
 * A token bucket per key (environment): PingOne's per-environment request budget. Over it, PingOne
 * answers 429 REQUEST_LIMITED with `Retry-After` in whole seconds
 * (https://developer.pingidentity.com/pingone-api/platform/rate-limiting.html); PingOne does not
 * document a burst size, so `burst` is a setting, and a small one is the strict choice. `now` is the
 * clock (milliseconds), injectable so tests need not sleep through real seconds.
 */
export class RateLimiter {
    private readonly buckets = new Map<string, { tokens: number; at: number }>();

    constructor(
        private settings: RateLimitSettings | undefined,
        private readonly now: () => number = () => performance.now(),
    ) {}

    configure(settings: RateLimitSettings | undefined): void {
        if (settings && !(settings.requestsPerSecond > 0))
            throw new RangeError(`rateLimit.requestsPerSecond must be above 0; got ${settings.requestsPerSecond}.`);
        this.settings = settings;
        this.buckets.clear();
    }

    get current(): RateLimitSettings | undefined {
        return this.settings ? { ...this.settings } : undefined;
    }

    /** Takes one request from the key's bucket; returns undefined when allowed, else seconds to wait. */
    take(key: string): number | undefined {
        const settings = this.settings;
        if (!settings) return undefined;
        const capacity = Math.max(1, settings.burst ?? settings.requestsPerSecond);
        const now = this.now();
        const bucket = this.buckets.get(key) ?? { tokens: capacity, at: now };
        bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * settings.requestsPerSecond);
        bucket.at = now;
        this.buckets.set(key, bucket);
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return undefined;
        }
        return Math.max(1, Math.ceil((1 - bucket.tokens) / settings.requestsPerSecond));
    }
}
