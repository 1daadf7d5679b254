// Every PingOne call the scripts make goes through here: one place decides retries and error shape.
import type { NangoAction } from 'nango';

import { anObject, noBodyOrJson, type AnswerCheck } from './answers.js';
import { describeFailure, fail, readFailure, type ErrorPayload, type FailureContext, type PingOneFailure } from './errors.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface CallBase extends FailureContext {
    method: Method;
    endpoint: string;
    params?: Record<string, string | number>;
    data?: unknown;
    /** A vendor content type that selects the operation (NOTES §6); JSON otherwise. */
    contentType?: string;
    /** What a 2xx answer must be (`answers.ts`); by default an object for a GET, no body or JSON otherwise. */
    answer?: AnswerCheck;
}

/**
 * `idempotent`: whether sending the request twice leaves PingOne as sending it once. Only such
 * requests are retried: a POST that creates, or a password set that a history policy would refuse
 * the second time, must never be repeated after it may have reached PingOne. Such a call names what
 * to check before sending it again (`ifUnsure`), for when its connection breaks after it was sent.
 */
export type PingOneCall = CallBase & ({ idempotent: true } | { idempotent: false; ifUnsure: string });

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
        let result: CallResult<T>;
        try {
            result = await send<T>(nango, call, call.idempotent ? RETRIES : 0);
        } catch (error) {
            throw call.idempotent ? error : (outcomeUnknown(nango, error, call) ?? error);
        }
        if (!result.ok) return result;
        const problem = check(result.data);
        if (problem === undefined) return result;
        if (!call.idempotent || attempt >= RETRIES) {
            throw fail(nango, unexpectedAnswer(call, result.status, problem, attempt + 1));
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

async function send<T>(nango: ProxyNango, call: CallBase, retries: number): Promise<CallResult<T>> {
    try {
        const response = await nango.proxy<T>({
            method: call.method,
            endpoint: call.endpoint,
            ...(call.params ? { params: call.params } : {}),
            ...(call.data !== undefined ? { data: call.data } : {}),
            ...(call.contentType ? { headers: { 'Content-Type': call.contentType } } : {}),
            retries,
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

/**
 * Failures that prove the request never left (Node's and undici's codes, as Nango's proxy passes them
 * on; `network_error` is the local harness's name for those on a request not safe to repeat), and aborts.
 */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT', 'network_error', 'ABORT_ERR', 'UND_ERR_ABORTED']);

/** A request not safe to repeat that got no answer after it may have left: PingOne may have applied it. */
function outcomeUnknown(nango: ProxyNango, error: unknown, call: CallBase & { ifUnsure: string }): Error | undefined {
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code !== 'string' || NOT_SENT.has(code) || (error as { name?: unknown }).name === 'AbortError') {
        return undefined;
    }
    return fail(nango, {
        code: 'outcome_unknown',
        message: `The connection to PingOne broke after the request to ${call.doing} was sent: it may have been applied or not, and it was not sent again.`,
        hint: `${call.ifUnsure} before trying again.`,
        cause: code === 'outcome_unknown' ? ((error as { causeCode?: unknown }).causeCode ?? code) : code,
    });
}

/** Sends the call and returns the body; a PingOne error becomes an ActionError with a plain message. */
export async function call<T>(nango: ProxyNango, request: PingOneCall): Promise<T> {
    const result = await tryCall<T>(nango, request);
    if (!result.ok) {
        throw fail(nango, describeFailure(result.failure, request));
    }
    return result.data;
}

/** How a DELETE ended: `alreadyGone` when PingOne answered 404 to a repeat after an earlier attempt may have deleted it. */
export type DeleteResult = { ok: true; alreadyGone: boolean } | { ok: false; failure: PingOneFailure };

/**
 * A DELETE is safe to repeat, but its answer is not: once the resource is gone, PingOne answers 404.
 * So the first attempt goes alone; when it gets no answer or a 5xx (PingOne may have deleted, or
 * not), the call goes again with retries, and a 404 then means an earlier attempt deleted it. A 404
 * to the first attempt stays a failure: nothing was deleted by this call.
 */
export async function tryDelete(nango: ProxyNango, request: CallBase & { method: 'DELETE' }): Promise<DeleteResult> {
    const first = await send(nango, request, 0).catch((error: unknown) => ({ ok: false as const, thrown: error }));
    if (first.ok) return { ok: true, alreadyGone: false };
    // A 429 or another 4xx proves PingOne did nothing; a 5xx or no answer at all does not.
    const mayHaveActed = 'thrown' in first || first.failure.status >= 500;
    if (!mayHaveActed && first.failure.status !== 429) return first;
    const again = await tryCall(nango, { ...request, idempotent: true });
    if (again.ok) return { ok: true, alreadyGone: false };
    return again.failure.status === 404 && mayHaveActed ? { ok: true, alreadyGone: true } : again;
}

/** The note a DELETE's output carries when an earlier attempt did the work. */
export const ALREADY_GONE_NOTE = 'PingOne answered 404 to a repeat: an earlier attempt, whose answer was lost, had already deleted it.';

/** Sends a DELETE and returns the output's note; a PingOne error becomes an ActionError, as with `call`. */
export async function deleteCall(nango: ProxyNango, request: CallBase & { method: 'DELETE' }): Promise<{ note?: string }> {
    const result = await tryDelete(nango, request);
    if (!result.ok) {
        throw fail(nango, describeFailure(result.failure, request));
    }
    return result.alreadyGone ? { note: ALREADY_GONE_NOTE } : {};
}
