/**
 * Gives the event loop two turns, so that requests a script has started but not awaited (the next
 * page, asked for ahead) are written to their sockets before the harness does CPU-bound work
 * (validating and committing a page). undici writes a request on a reused keep-alive socket only
 * from a setImmediate (it first checks that the idle socket was not closed meanwhile), and a
 * page's synchronous work would otherwise hold that write back until it ends, so that the API
 * answered the next page only after this one was stored, never while.
 *
 * Two turns, not one: the request's own setImmediate is queued while the microtasks after our
 * first one run, so it comes after the first and before the second.
 */
export async function letRequestsLeave(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    await new Promise<void>((resolve) => setImmediate(resolve));
}
