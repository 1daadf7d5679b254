import { PingOneApiError, RateLimitedError, type PingOneErrorDetail } from '../errors/index.js';
import { parseRetryAfter } from './retry-policy.js';

export interface ErrorResponse {
    status: number;
    headers: Record<string, string>;
    /** The parsed JSON body, or the text when it was not JSON. */
    body: unknown;
}

/**
 * PingOne's error body (`{id, code, message, details[{code, target, message, innerError}]}`) as a
 * typed error; a 429 becomes a RateLimitedError carrying how long PingOne asked to wait.
 * Any other body still gives an error naming the status. Only the path goes into the message,
 * never the query string or the body sent.
 */
export function pingOneErrorFrom(response: ErrorResponse, request: { method: string; url: URL | string }): PingOneApiError {
    const body = isRecord(response.body) ? response.body : {};
    const details = Array.isArray(body['details']) ? body['details'].filter(isRecord).map(detailOf) : [];
    const init = {
        status: response.status,
        method: request.method.toUpperCase(),
        path: new URL(String(request.url)).pathname,
        ...stringField(body, 'code', 'pingOneCode'),
        ...stringField(body, 'message', 'pingOneMessage'),
        ...stringField(body, 'id', 'id'),
        details,
    };
    if (response.status !== 429) return new PingOneApiError(init, { hint: hintFor(response.status, init.pingOneCode) });
    const retryAfterMs = parseRetryAfter(response.headers['retry-after']) ?? retryAfterFromDetails(details);
    return new RateLimitedError(retryAfterMs === undefined ? init : { ...init, retryAfterMs });
}

function detailOf(entry: Record<string, unknown>): PingOneErrorDetail {
    return {
        code: typeof entry['code'] === 'string' ? entry['code'] : 'UNKNOWN',
        message: typeof entry['message'] === 'string' ? entry['message'] : '',
        ...(typeof entry['target'] === 'string' ? { target: entry['target'] } : {}),
        ...(isRecord(entry['innerError']) ? { innerError: entry['innerError'] } : {}),
    };
}

// PingOne's 429 body may say when to come back in `innerError.retryAfter` (a date-time).
function retryAfterFromDetails(details: readonly PingOneErrorDetail[]): number | undefined {
    for (const detail of details) {
        const at = detail.innerError?.['retryAfter'];
        if (typeof at === 'string' && !Number.isNaN(Date.parse(at))) return Math.max(0, Date.parse(at) - Date.now());
    }
    return undefined;
}

function hintFor(status: number, code: string | undefined): string | undefined {
    if (status === 401) return 'The access token was refused; it may have expired or been revoked. Test the connection to see why.';
    if (status === 403) return "The application's roles do not allow this call; test the connection to see which role is missing.";
    if (status === 404) return 'Check the environment ID, the region (TLD) and the resource ID.';
    if (code === 'INVALID_DATA' || code === 'INVALID_REQUEST') return 'See the details for the field at fault.';
    if (status >= 500) return 'PingOne had a problem; retry later. Give PingOne support the error id if it persists.';
    return undefined;
}

function stringField<K extends string>(body: Record<string, unknown>, key: string, as: K): Partial<Record<K, string>> {
    const value = body[key];
    return typeof value === 'string' ? ({ [as]: value } as Partial<Record<K, string>>) : {};
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
