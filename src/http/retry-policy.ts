import type { Dispatcher } from 'undici';

export interface RetryOptions {
    /** Attempts after the first; 0 turns retries off. */
    maxRetries: number;
    /** The first backoff ceiling; it doubles with each attempt. */
    baseDelayMs: number;
    /** No backoff is longer than this. */
    maxDelayMs: number;
    /** A `Retry-After` longer than this is not waited for: the answer goes back to the caller. */
    maxRetryAfterMs: number;
    /** Answers worth another attempt (of an idempotent request: any answer means the request reached PingOne). */
    statusCodes: readonly number[];
}

export const defaultRetryOptions: RetryOptions = {
    maxRetries: 4,
    baseDelayMs: 250,
    maxDelayMs: 20_000,
    maxRetryAfterMs: 60_000,
    // 500 too: PingOne answers a passing fault with 500 UNEXPECTED_ERROR as often as with 502-504,
    // and one such answer on one page must not fail a whole sync.
    statusCodes: [429, 500, 502, 503, 504],
};

const idempotentMethods = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE']);

/** Errors after which the request may have been written and read by the server: idempotent requests only. */
const errorsAfterSending = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'UND_ERR_HEADERS_TIMEOUT']);
/** Errors that prove nothing was sent: no connection was ever made. */
const errorsBeforeSending = new Set(['ECONNREFUSED', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * Whether a request may be sent twice. A caller that knows better says so with `idempotent`:
 * the client-credentials token request is a POST that is safe to repeat, a refresh-token grant is not
 * (PingOne rotates the refresh token, and replaying the old one revokes the whole family).
 */
export function isIdempotent(opts: Pick<Dispatcher.DispatchOptions, 'method' | 'idempotent'>): boolean {
    return opts.idempotent ?? idempotentMethods.has(String(opts.method).toUpperCase());
}

/** A body that can be sent again as it is (a stream can only be read once). */
export function isReplayable(body: Dispatcher.DispatchOptions['body']): boolean {
    return body == null || typeof body === 'string' || body instanceof Uint8Array;
}

export function errorCode(error: unknown): string | undefined {
    const code = (error as { code?: unknown } | null)?.code;
    return typeof code === 'string' ? code : undefined;
}

/** The error's code, or its cause's (undici wraps some). */
export function transportCode(error: unknown): string | undefined {
    return errorCode(error) ?? errorCode((error as { cause?: unknown } | null)?.cause);
}

/** Whether a failure proves the request never left: no connection was made. */
export function provesNothingSent(error: unknown): boolean {
    const code = transportCode(error);
    return code !== undefined && errorsBeforeSending.has(code);
}

/** Whether an error may be retried: connection failures, and for idempotent requests also resets and timeouts. */
export function isRetryableError(error: unknown, idempotent: boolean): boolean {
    const code = transportCode(error);
    if (code === undefined) return false;
    return errorsBeforeSending.has(code) || (idempotent && errorsAfterSending.has(code));
}

/**
 * `Retry-After` in milliseconds from now: delta-seconds or an HTTP date (RFC 9110 §10.2.3);
 * undefined when absent or unreadable, 0 for a date in the past.
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
    if (value === undefined) return undefined;
    const text = value.trim();
    if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
    const date = Date.parse(text);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Capped exponential backoff with full jitter: uniformly random in [0, min(max, base·2^attempt)). */
export function backoffDelay(attempt: number, options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs'>, random: () => number = Math.random): number {
    const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** attempt);
    return Math.floor(random() * ceiling);
}
