import type { Dispatcher } from 'undici';

/**
 * The one controller a downstream handler sees for the whole life of a request, while the
 * interceptor behind it dispatches zero, one or several attempts (a queued request has none yet;
 * a retried one has several). Abort and pause are forwarded to the current attempt; an abort
 * while there is none is reported through `onAbortWhileIdle`, so the interceptor can stop waiting.
 */
export class ControllerProxy implements Dispatcher.DispatchController {
    #target: Dispatcher.DispatchController | null = null;
    #paused = false;
    #reason: Error | null = null;

    constructor(private readonly onAbortWhileIdle: (reason: Error) => void) {}

    /** The controller of the attempt now on the wire, or null between attempts. */
    set target(target: Dispatcher.DispatchController | null) {
        this.#target = target;
        if (target === null) return;
        if (this.#reason !== null) target.abort(this.#reason);
        else if (this.#paused) target.pause();
    }

    get aborted(): boolean {
        return this.#reason !== null || (this.#target?.aborted ?? false);
    }

    get paused(): boolean {
        return this.#paused;
    }

    get reason(): Error | null {
        return this.#reason ?? this.#target?.reason ?? null;
    }

    abort(reason: Error): void {
        if (this.#reason !== null) return;
        this.#reason = reason;
        if (this.#target !== null) this.#target.abort(reason);
        else this.onAbortWhileIdle(reason);
    }

    pause(): void {
        this.#paused = true;
        this.#target?.pause();
    }

    resume(): void {
        this.#paused = false;
        this.#target?.resume();
    }
}
