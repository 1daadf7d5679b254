import type { Dispatcher } from 'undici';
import { ControllerProxy } from './controller-proxy.js';

/** Waits for the right to send (a free slot, a budget token); resolves to what gives it back, if anything. */
export type Admission = (signal: AbortSignal) => Promise<(() => void) | void>;

/**
 * Dispatches a request once `admission` lets it, and gives back what admission handed out
 * exactly once, however the request ends. The downstream handler gets its controller at once, so
 * an abort while the request waits takes it out of the queue and ends it there.
 */
export function dispatchWhenAdmitted(
    dispatch: Dispatcher.Dispatch,
    opts: Dispatcher.DispatchOptions,
    handler: Dispatcher.DispatchHandler,
    admission: Admission,
): boolean {
    const waiting = new AbortController();
    let release: () => void = () => {};
    let done = false;
    const finish = (): boolean => {
        if (done) return false;
        done = true;
        release();
        return true;
    };
    const proxy = new ControllerProxy((reason) => {
        waiting.abort(reason);
        if (finish()) handler.onResponseError?.(proxy, reason);
    });
    handler.onRequestStart?.(proxy, {});
    const forwarding: Dispatcher.DispatchHandler = {
        onRequestStart: (controller) => {
            proxy.target = controller;
        },
        onRequestUpgrade: (_controller, statusCode, headers, socket) => handler.onRequestUpgrade?.(proxy, statusCode, headers, socket),
        onResponseStart: (_controller, statusCode, headers, statusMessage) => handler.onResponseStart?.(proxy, statusCode, headers, statusMessage),
        onResponseData: (_controller, chunk) => handler.onResponseData?.(proxy, chunk),
        onResponseEnd: (_controller, trailers) => {
            finish();
            handler.onResponseEnd?.(proxy, trailers);
        },
        onResponseError: (_controller, error) => {
            if (finish()) handler.onResponseError?.(proxy, error);
        },
    };
    admission(waiting.signal).then(
        (giveBack) => {
            if (done) {
                giveBack?.();
                return;
            }
            if (giveBack) release = giveBack;
            try {
                dispatch(opts, forwarding);
            } catch (error) {
                if (finish()) handler.onResponseError?.(proxy, asError(error));
            }
        },
        (error: unknown) => {
            if (finish()) handler.onResponseError?.(proxy, asError(error));
        },
    );
    return true;
}

export function asError(value: unknown): Error {
    return value instanceof Error ? value : new Error(String(value));
}
