import type { Dispatcher } from 'undici';
import { dispatchWhenAdmitted } from './deferred-dispatch.js';

/** At most `size` holders at once; the others wait in arrival order. */
export class Semaphore {
    #free: number;
    readonly #waiters: Array<{ grant: () => void }> = [];

    constructor(readonly size: number) {
        if (!Number.isInteger(size) || size < 1) throw new RangeError(`maxConcurrency must be a whole number of at least 1, not ${size}`);
        this.#free = size;
    }

    get inUse(): number {
        return this.size - this.#free;
    }

    get waiting(): number {
        return this.#waiters.length;
    }

    acquire(signal?: AbortSignal): Promise<() => void> {
        return new Promise((resolve, reject) => {
            if (signal?.aborted) return reject(signal.reason);
            const release = this.#releaser();
            if (this.#free > 0) {
                this.#free -= 1;
                return resolve(release);
            }
            const waiter = {
                grant: () => {
                    signal?.removeEventListener('abort', onAbort);
                    resolve(release);
                },
            };
            const onAbort = () => {
                const index = this.#waiters.indexOf(waiter);
                if (index >= 0) this.#waiters.splice(index, 1);
                reject(signal?.reason);
            };
            signal?.addEventListener('abort', onAbort, { once: true });
            this.#waiters.push(waiter);
        });
    }

    #releaser(): () => void {
        let released = false;
        return () => {
            if (released) return;
            released = true;
            const next = this.#waiters.shift();
            // The slot passes straight to the next waiter, so a newcomer cannot overtake the queue.
            if (next) next.grant();
            else this.#free += 1;
        };
    }
}

/** Interceptor: no more than `maxConcurrency` requests of this connection on the wire at once. */
export function concurrencyLimit(maxConcurrency: number): Dispatcher.DispatcherComposeInterceptor {
    const slots = new Semaphore(maxConcurrency);
    return (dispatch) => (opts, handler) => dispatchWhenAdmitted(dispatch, opts, handler, (signal) => slots.acquire(signal));
}
