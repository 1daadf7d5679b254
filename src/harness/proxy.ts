import type { Dispatcher } from 'undici';
import { HostNotAllowedError, ScriptHttpError, UnexpectedResponseError } from '../errors/index.js';
import type { ProxyTarget } from '../connections/run-target.js';
import { request } from '../http/undici.js';
import { bearerCapable, defaultRetryOptions, isIdempotent, transportFailure } from '../http/index.js';
import { parseJsonInParts, splitFromBytes } from './json-in-parts.js';

/** The proxy options of Nango's `ProxyConfiguration` the harness honours. */
export interface ProxyRequest {
    endpoint: string;
    method?: string;
    headers?: Record<string, string>;
    params?: string | Record<string, string | number | string[] | number[]>;
    data?: unknown;
    retries?: number;
    retryOn?: number[] | null;
    baseUrlOverride?: string;
    responseType?: 'arraybuffer' | 'blob' | 'document' | 'json' | 'text' | 'stream';
}

/** An AxiosResponse-shaped result: what Nango's proxy resolves to. */
export interface ProxyResponse<T = unknown> {
    data: T;
    status: number;
    statusText: string;
    headers: Record<string, string>;
    config: ProxyRequest & { url: string };
    request: { method: string; url: string };
}

const statusTexts: Record<number, string> = { 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content' };

/**
 * Nango's proxy, locally: resolves the endpoint against the connection's API origin, sends through
 * the connection's dispatcher (retries, budget, host mapping live there, and the bearer token,
 * taken as the request leaves its queue and renewed once after a 401), and throws a ScriptHttpError
 * on a non-2xx, and an UnexpectedResponseError on a 2xx whose body is not data (sent again first when
 * that is safe); no answer at all is a NetworkError, or OutcomeUnknownError for a request not safe to
 * repeat that may have reached PingOne.
 */
export async function proxyRequest<T>(target: ProxyTarget, config: ProxyRequest): Promise<ProxyResponse<T>> {
    const method = (config.method ?? 'GET').toUpperCase();
    const url = resolveUrl(target.apiBaseUrl, config);
    const body = encodeBody(config.data);
    const headers: Record<string, string> = { accept: 'application/json', ...lowerCaseKeys(config.headers ?? {}) };
    if (body !== undefined && headers['content-type'] === undefined) headers['content-type'] = 'application/json';
    delete headers['authorization'];

    // Nango retries a call whatever its method when the script asks for retries, so a script's
    // `retries` also says whether the request may be sent twice (a PATCH it knows is safe, say).
    const idempotent = isIdempotent({ method, ...(config.retries === undefined ? {} : { idempotent: config.retries > 0 }) });
    const send = () =>
        request(url, {
            method: method as Dispatcher.HttpMethod,
            headers,
            body,
            dispatcher: bearerCapable(target.dispatcher),
            bearer: target.tokens,
            signal: target.signal,
            idempotent,
            // The retry interceptor merges per-request options over the dispatcher's own.
            ...(config.retries === undefined && !config.retryOn
                ? {}
                : {
                      retryOptions: {
                          ...(config.retries === undefined ? {} : { maxRetries: config.retries }),
                          ...(config.retryOn ? { statusCodes: [...defaultRetryOptions.statusCodes, ...config.retryOn] } : {}),
                      },
                  }),
        } as Parameters<typeof request>[1]).catch((error: unknown) => {
            throw transportFailure(error, { method, url, idempotent }, target.signal);
        });
    // A 2xx whose body is not readable is sent again as often as a 5xx would be, when sending twice is safe.
    const resends = config.retries ?? (method === 'GET' || method === 'HEAD' ? defaultResends : 0);
    for (let attempt = 0; ; attempt++) {
        const response = await send();
        const responseHeaders = flattenHeaders(response.headers);
        const contentType = responseHeaders['content-type'];
        const data = await readBody(response, contentType, config.responseType);
        const shaped: ProxyResponse<T> = {
            data: data as T,
            status: response.statusCode,
            statusText: statusTexts[response.statusCode] ?? '',
            headers: responseHeaders,
            config: { ...config, method, url: url.toString() },
            request: { method, url: url.toString() },
        };
        if (response.statusCode < 200 || response.statusCode >= 300) {
            throw new ScriptHttpError(method, url.pathname, shaped, {
                hint: hintFor(response.statusCode),
            });
        }
        const problem = unreadable(data, contentType, config.responseType);
        if (problem === undefined) return shaped;
        if (attempt >= resends) {
            throw new UnexpectedResponseError(method, url.pathname, response.statusCode, contentType, problem, {
                hint:
                    resends > 0
                        ? `The same came back ${attempt + 1} time(s): PingOne, or a proxy before it, is not answering with data. Nothing was read from it; try again later.`
                        : `PingOne accepted the request (HTTP ${response.statusCode}), so it was applied; only its answer could not be read, and it was not sent again.`,
            });
        }
    }
}

/** Without the script's `retries`, a GET (safe to send twice) is sent again this many times after an unreadable answer. */
const defaultResends = 3;

/**
 * Why a 2xx body cannot be the data the script asked for, or undefined when it can: a JSON answer
 * that did not parse (readBody leaves it as text), or text of another type (an HTML page) where JSON
 * was expected. An empty body (a 204, a DELETE's answer) is what it is.
 */
function unreadable(data: unknown, contentType: string | undefined, responseType: ProxyRequest['responseType']): string | undefined {
    if (typeof data !== 'string' || data.length === 0) return undefined;
    if (responseType !== undefined && responseType !== 'json') return undefined;
    return isJson(contentType) || responseType === 'json' ? 'JSON that does not parse' : 'a body that is not JSON';
}

function isJson(contentType: string | undefined): boolean {
    return /[/+]json\b/i.test(contentType ?? '');
}

function resolveUrl(apiBaseUrl: URL, config: ProxyRequest): URL {
    let base = apiBaseUrl;
    if (config.baseUrlOverride) {
        // Nango's paginate sets baseUrlOverride to the origin of an absolute next link; only the
        // connection's own API origin may receive its token.
        const override = safeUrl(config.baseUrlOverride);
        if (override === undefined || override.origin !== apiBaseUrl.origin) {
            throw new HostNotAllowedError(override?.host ?? '', [apiBaseUrl.host], {
                hint: "A next link or baseUrlOverride pointed away from the connection's API origin; nothing was sent.",
            });
        }
        base = override;
    }
    const endpoint = config.endpoint.startsWith('/') ? config.endpoint : `/${config.endpoint}`;
    if (endpoint.startsWith('//')) {
        throw new HostNotAllowedError(endpoint.slice(2).split('/')[0] ?? '', [apiBaseUrl.host], {
            hint: 'Give a path such as /v1/environments/<id>/users, not a URL.',
        });
    }
    const url = new URL(endpoint, base.origin);
    if (url.origin !== apiBaseUrl.origin) {
        throw new HostNotAllowedError(url.host, [apiBaseUrl.host]);
    }
    if (typeof config.params === 'string') {
        for (const [key, value] of new URLSearchParams(config.params)) url.searchParams.append(key, value);
    } else if (config.params) {
        for (const [key, value] of Object.entries(config.params)) {
            for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(item));
        }
    }
    return url;
}

function safeUrl(text: string): URL | undefined {
    try {
        return new URL(text);
    } catch {
        return undefined;
    }
}

function encodeBody(data: unknown): string | Buffer | undefined {
    if (data === undefined || data === null) return undefined;
    if (typeof data === 'string' || Buffer.isBuffer(data)) return data;
    return JSON.stringify(data);
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
    return Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toLowerCase(), String(value)]));
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
    const flat: Record<string, string> = {};
    for (const [key, value] of Object.entries(headers)) {
        if (value !== undefined) flat[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    return flat;
}

async function readBody(
    response: Dispatcher.ResponseData<unknown>,
    contentType: string | undefined,
    responseType: ProxyRequest['responseType'],
): Promise<unknown> {
    const bytes = Buffer.from(await response.body.arrayBuffer());
    if (responseType === 'arraybuffer' || responseType === 'blob') return bytes;
    const json = responseType === 'json' || (responseType !== 'text' && isJson(contentType));
    const utf8 = withoutByteOrderMark(bytes);
    if (json && utf8.length >= splitFromBytes) {
        const parsed = parseJsonInParts(utf8);
        if (parsed !== undefined) return parsed;
    }
    const text = utf8.toString('utf8');
    if (responseType === 'text' || text.length === 0) return text;
    if (json) {
        try {
            return JSON.parse(text) as unknown;
        } catch {
            return text;
        }
    }
    return text;
}

/** As undici's `text()` reads a body: a UTF-8 byte order mark is not part of the text. */
function withoutByteOrderMark(bytes: Buffer): Buffer {
    return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

function hintFor(status: number): string | undefined {
    if (status === 401) return 'The token was refused even after minting a new one; run `npx pingone-connector connections test` to diagnose the connection.';
    if (status === 403) return "The app's roles do not allow this call; `connections test` names the missing role.";
    if (status === 404) return 'Check the environment ID and the path.';
    if (status === 429) return 'PingOne kept answering 429 after every retry; try again later or lower the request rate.';
    return undefined;
}
