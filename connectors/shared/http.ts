// Every PingOne call the scripts make goes through here: one place decides retries and error shape.
import type { NangoAction } from 'nango';

import { describeFailure, fail, readFailure, type FailureContext, type PingOneFailure } from './errors.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface PingOneCall extends FailureContext {
    method: Method;
    endpoint: string;
    params?: Record<string, string | number>;
    data?: unknown;
    /** A vendor content type that selects the operation (https://apidocs.pingidentity.com/pingone/customer/v1/api/man/p1_Users/); JSON otherwise. */
    contentType?: string;
    /**
     * Whether sending the request twice leaves PingOne as sending it once. Only such requests are
     * retried: a POST that creates, or a password set that a history policy would refuse the second
     * time, must never be repeated after it may have reached PingOne.
     */
    idempotent: boolean;
}

export type CallResult<T> = { ok: true; data: T; status: number } | { ok: false; failure: PingOneFailure };

const RETRIES = 3;

/** What a script needs of `nango` to call PingOne: any sync, action or on-event script has it. */
export type ProxyNango = Pick<NangoAction, 'proxy' | 'ActionError'>;

/** Sends the call; a PingOne error comes back as a value, anything else (network, abort) is thrown. */
export async function tryCall<T>(nango: ProxyNango, call: PingOneCall): Promise<CallResult<T>> {
    try {
        const response = await nango.proxy<T>({
            method: call.method,
            endpoint: call.endpoint,
            ...(call.params ? { params: call.params } : {}),
            ...(call.data !== undefined ? { data: call.data } : {}),
            ...(call.contentType ? { headers: { 'Content-Type': call.contentType } } : {}),
            retries: call.idempotent ? RETRIES : 0,
        });
        return { ok: true, data: response.data, status: response.status };
    } catch (error) {
        const failure = readFailure(error);
        if (!failure) {
            throw error;
        }
        return { ok: false, failure };
    }
}

/** Sends the call and returns the body; a PingOne error becomes an ActionError with a plain message. */
export async function call<T>(nango: ProxyNango, request: PingOneCall): Promise<T> {
    const result = await tryCall<T>(nango, request);
    if (!result.ok) {
        throw fail(nango, describeFailure(result.failure, request));
    }
    return result.data;
}
