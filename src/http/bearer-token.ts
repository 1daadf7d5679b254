import type { Dispatcher } from 'undici';
import { dispatchWhenAdmitted } from './deferred-dispatch.js';
import { headerRecord } from './headers.js';

/** A connection's access tokens, as the dispatcher uses them. */
export interface BearerTokens {
    getAccessToken(signal?: AbortSignal): Promise<string>;
    invalidate(token: string): void;
}

/** Per-request options a PingOneDispatcher reads beyond undici's own. */
export interface PingOneRequestOptions {
    /** Adds `Authorization: Bearer <token>` when the request is sent; an answer 401 invalidates that token. */
    bearer?: BearerTokens;
    /**
     * A token-endpoint request: it goes around the API requests' concurrency limit and budget,
     * because the requests waiting there may be waiting for the token it fetches.
     */
    tokenEndpoint?: boolean;
}

/**
 * Interceptor: takes the token when the request is about to be sent, not when the caller made
 * it, so a request that waited in the queue (the concurrency limit, the budget, a Retry-After)
 * never leaves with a token that aged or expired while it waited; each retried attempt takes it
 * again. A 401 invalidates the token that attempt carried, so the resend after it (the retry
 * interceptor's, outside this one) gets a new one.
 */
export function bearerToken(): Dispatcher.DispatcherComposeInterceptor {
    return (dispatch) => (opts, handler) => {
        const bearer = (opts as Dispatcher.DispatchOptions & PingOneRequestOptions).bearer;
        if (bearer === undefined) return dispatch(opts, handler);
        let token = '';
        const send: Dispatcher.Dispatch = (admitted, inner) =>
            dispatch(
                { ...admitted, headers: { ...headerRecord(admitted.headers), authorization: `Bearer ${token}` } },
                invalidatingOn401(inner, () => bearer.invalidate(token)),
            );
        return dispatchWhenAdmitted(send, opts, handler, async (signal) => {
            token = await bearer.getAccessToken(signal);
        });
    };
}

function invalidatingOn401(handler: Dispatcher.DispatchHandler, invalidate: () => void): Dispatcher.DispatchHandler {
    return {
        onRequestStart: (controller, context) => handler.onRequestStart?.(controller, context),
        onRequestUpgrade: (controller, statusCode, headers, socket) => handler.onRequestUpgrade?.(controller, statusCode, headers, socket),
        onResponseStart: (controller, statusCode, headers, statusMessage) => {
            if (statusCode === 401) invalidate();
            handler.onResponseStart?.(controller, statusCode, headers, statusMessage);
        },
        onResponseData: (controller, chunk) => handler.onResponseData?.(controller, chunk),
        onResponseEnd: (controller, trailers) => handler.onResponseEnd?.(controller, trailers),
        onResponseError: (controller, error) => handler.onResponseError?.(controller, error),
    };
}
