// One request per user or group, several in flight but never more than `limit`: fast on a large
// tenant, and under PingOne's rate limit (the proxy retries the occasional 429 after Retry-After).

export async function mapBounded<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
    const results: R[] = new Array<R>(items.length);
    let next = 0;
    let failed = false;
    async function worker(): Promise<void> {
        while (!failed && next < items.length) {
            const index = next++;
            try {
                results[index] = await work(items[index] as T);
            } catch (error) {
                // Stop the other workers from starting new requests; the first error is the run's error.
                failed = true;
                throw error;
            }
        }
    }
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, () => worker()));
    return results;
}
