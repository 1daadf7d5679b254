// Every PingOne call the scripts make goes through here: one place decides retries and error shape.
import type { NangoAction } from 'nango';

import { anObject, noBodyOrJson, type AnswerCheck } from './answers.js';
import { describeFailure, fail, readFailure, type ErrorPayload, type FailureContext, type PingOneFailure } from './errors.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface PingOneCall extends FailureContext {
    method: Method;
    endpoint: string;
    params?: Record<string, string | number>;
    data?: unknown;
    /** A vendor content type that selects the operation (NOTES §6); JSON otherwise. */
    contentType?: string;
    /**
     * Whether sending the request twice leaves PingOne as sending it once. Only such requests are
     * retried: a POST that creates, or a password set that a history policy would refuse the second
     * time, must never be repeated after it may have reached PingOne.
     */
    idempotent: boolean;
    /** What a 2xx answer must be (`answers.ts`); by default an object for a GET, no body or JSON otherwise. */
    answer?: AnswerCheck;
}

export type CallResult<T> = { ok: true; data: T; status: number } | { ok: false; failure: PingOneFailure };

const RETRIES = 3;

/** What a script needs of `nango` to call PingOne: any sync, action or on-event script has it. */
export type ProxyNango = Pick<NangoAction, 'proxy' | 'ActionError'>;

/**
 * Sends the call; a PingOne error comes back as a value, anything else (network, abort) is thrown. A
 * 2xx answer that fails the call's check is a fault: an idempotent call is sent again (as a 5xx
 * would be), then, like any other, it throws `unexpected_response`.
 */
export async function tryCall<T>(nango: ProxyNango, call: PingOneCall): Promise<CallResult<T>> {
    const check = call.answer ?? (call.method === 'GET' ? anObject : noBodyOrJson);
    for (let attempt = 0; ; attempt++) {
        let response: { data: T; status: number };
        try {
            response = await nango.proxy<T>({
                method: call.method,
                endpoint: call.endpoint,
                ...(call.params ? { params: call.params } : {}),
                ...(call.data !== undefined ? { data: call.data } : {}),
                ...(call.contentType ? { headers: { 'Content-Type': call.contentType } } : {}),
                retries: call.idempotent ? RETRIES : 0,
            });
        } catch (error) {
            const failure = readFailure(error);
            if (!failure) {
                throw error;
            }
            return { ok: false, failure };
        }
        const problem = check(response.data);
        if (problem === undefined) {
            return { ok: true, data: response.data, status: response.status };
        }
        if (!call.idempotent || attempt >= RETRIES) {
            throw fail(nango, unexpectedAnswer(call, response.status, problem, attempt + 1));
        }
    }
}

function unexpectedAnswer(call: PingOneCall, status: number, problem: string, times: number): ErrorPayload {
    if (!call.idempotent) {
        return {
            code: 'unexpected_response',
            message: `PingOne accepted the request to ${call.doing} (HTTP ${status}), so it was applied, but answered with ${problem}.`,
            hint: 'It was not sent again; check the result in PingOne before repeating it.',
        };
    }
    return {
        code: 'unexpected_response',
        message: `PingOne answered the request to ${call.doing} with ${problem}, ${times} time(s) in a row.`,
        hint: 'PingOne, or a proxy before it, is not answering with data. Nothing was read from these answers; try again later.',
    };
}

/** Sends the call and returns the body; a PingOne error becomes an ActionError with a plain message. */
export async function call<T>(nango: ProxyNango, request: PingOneCall): Promise<T> {
    const result = await tryCall<T>(nango, request);
    if (!result.ok) {
        throw fail(nango, describeFailure(result.failure, request));
    }
    return result.data;
}
