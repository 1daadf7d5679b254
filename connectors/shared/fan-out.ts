// One request per user or group: several in flight but never more than `concurrency`, and started no
// faster than `perSecond`, so that a fan-out stays under PingOne's rate limit instead of leaning on
// 429s (the proxy still retries the occasional one after Retry-After).

export interface FanOutLimits {
    concurrency: number;
    /** Items started per second at most. */
    perSecond: number;
}

/** Hands out start times spaced `1000 / perSecond` ms apart. */
function pacer(perSecond: number): () => Promise<void> {
    const gap = 1000 / perSecond;
    let next = Date.now();
    return async () => {
        const now = Date.now();
        const at = Math.max(now, next);
        next = at + gap;
        if (at > now) {
            await new Promise((resolve) => setTimeout(resolve, at - now));
        }
    };
}

export async function mapBounded<T, R>(items: readonly T[], limits: FanOutLimits, work: (item: T) => Promise<R>): Promise<R[]> {
    const results: R[] = new Array<R>(items.length);
    const slot = pacer(limits.perSecond);
    let next = 0;
    let failed = false;
    async function worker(): Promise<void> {
        while (!failed && next < items.length) {
            const index = next++;
            await slot();
            // The run may have failed while this worker waited for its slot.
            if (failed) {
                return;
            }
            try {
                results[index] = await work(items[index] as T);
            } catch (error) {
                // Stop the other workers from starting new requests; the first error is the run's error.
                failed = true;
                throw error;
            }
        }
    }
    await Promise.all(Array.from({ length: Math.min(limits.concurrency, items.length) }, () => worker()));
    return results;
}
