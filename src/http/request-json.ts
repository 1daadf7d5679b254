import type { Dispatcher } from 'undici';
import type { PingOneApiError } from '../errors/index.js';
import type { PingOneRequestOptions } from './bearer-token.js';
import { pingOneErrorFrom } from './pingone-error-body.js';
import { isIdempotent } from './retry-policy.js';
import { transportFailure } from './transport-failure.js';
import { request } from './undici.js';

export interface JsonRequest {
    method?: Dispatcher.HttpMethod;
    url: URL | string;
    headers?: Record<string, string>;
    /** Sent as `application/json`. */
    json?: unknown;
    /** Sent as `application/x-www-form-urlencoded` (the token endpoint). */
    form?: Record<string, string> | URLSearchParams;
    signal?: AbortSignal;
    /** Overrides the method's own idempotence for retries (see retry-policy.ts). */
    idempotent?: boolean;
}

/** A request with the connection's options: its bearer token, or that it is a token request (see bearer-token.ts). */
export type PingOneJsonRequest = JsonRequest & PingOneRequestOptions;

export interface JsonResponse<T = unknown> {
    status: number;
    headers: Record<string, string>;
    /** Parsed JSON when the answer says it is JSON (PingOne's vendor `+json` types included), else the text. */
    body: T;
}

/**
 * One request through a dispatcher, answered whatever its status; a network failure becomes a
 * NetworkError naming the host (never the URL's query or the body sent), or OutcomeUnknownError
 * when a request that is not safe to repeat may have reached PingOne (see transport-failure.ts).
 */
export async function requestJson<T = unknown>(dispatcher: Dispatcher, options: PingOneJsonRequest): Promise<JsonResponse<T>> {
    const url = new URL(String(options.url));
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    let body: string | undefined;
    if (options.form !== undefined) {
        body = new URLSearchParams(options.form).toString();
        headers['content-type'] = 'application/x-www-form-urlencoded';
    } else if (options.json !== undefined) {
        body = JSON.stringify(options.json);
        headers['content-type'] ??= 'application/json';
    }
    const method = options.method ?? (body === undefined ? 'GET' : 'POST');
    try {
        const response = await request(url, {
            dispatcher,
            method,
            headers,
            body,
            signal: options.signal,
            ...(options.idempotent === undefined ? {} : { idempotent: options.idempotent }),
            ...(options.bearer === undefined ? {} : { bearer: options.bearer }),
            ...(options.tokenEndpoint ? { tokenEndpoint: true } : {}),
        });
        const responseHeaders = flatHeaders(response.headers);
        const text = await response.body.text();
        return { status: response.statusCode, headers: responseHeaders, body: parseBody(text, responseHeaders['content-type']) as T };
    } catch (error) {
        throw transportFailure(error, { method, url, idempotent: isIdempotent({ method, idempotent: options.idempotent }) }, options.signal);
    }
}

export function errorFor(response: JsonResponse, options: Pick<JsonRequest, 'method' | 'url' | 'form' | 'json'>): PingOneApiError {
    return pingOneErrorFrom(response, { method: options.method ?? ((options.form ?? options.json) ? 'POST' : 'GET'), url: options.url });
}

function parseBody(text: string, contentType: string | undefined): unknown {
    if (text.length === 0 || !/[/+]json\b/i.test(contentType ?? '')) return text;
    try {
        return JSON.parse(text) as unknown;
    } catch {
        return text;
    }
}

function flatHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
    const flat: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    return flat;
}
