// Several paged listings read at once: each source keeps its own request in flight (and its own
// look-ahead), and whichever answers first is handed over first. A partitioned scan is as fast as
// its slowest partition instead of the sum of them; the connection's rate budget still paces them.

export interface Arrival<K, T> {
    key: K;
    value: T;
}

type Pull<K, T> = Promise<{ key: K; result: IteratorResult<T> }>;

/**
 * Yields the values of every source as they arrive, tagged with the source's key. When one source
 * fails, or the caller stops early, the others are closed (their `finally` blocks run) and the
 * failure reaches the caller; the others' pending requests are left to settle unobserved.
 */
export async function* interleave<K, T>(sources: ReadonlyMap<K, AsyncIterator<T>>): AsyncGenerator<Arrival<K, T>> {
    const pulls = new Map<K, Pull<K, T>>();
    const pull = (key: K, source: AsyncIterator<T>): void => {
        const next = source.next().then((result) => ({ key, result }));
        // A pull still pending when another source fails is never awaited: it must not end the process.
        next.catch(() => undefined);
        pulls.set(key, next);
    };
    for (const [key, source] of sources) pull(key, source);
    try {
        while (pulls.size > 0) {
            const { key, result } = await Promise.race(pulls.values());
            pulls.delete(key);
            if (result.done === true) continue;
            // The source's next page is asked for before this one is handed over.
            pull(key, sources.get(key) as AsyncIterator<T>);
            yield { key, value: result.value };
        }
    } finally {
        for (const key of pulls.keys())
            void sources
                .get(key)
                ?.return?.()
                ?.catch(() => undefined);
    }
}
