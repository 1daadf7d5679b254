import { request } from 'undici';
import type { TestEmulator } from '../support/emulator.js';

export interface CallResult {
    status: number;
    headers: Record<string, string | string[] | undefined>;
    text: string;
    body: any;
}

export interface CallOptions {
    token?: string;
    json?: unknown;
    form?: Record<string, string>;
    /** Raw body (with contentType). */
    raw?: string;
    contentType?: string;
    headers?: Record<string, string>;
}

/** One HTTP request over loopback to the emulator; `path` is relative to its origin or absolute. */
export async function call(emulator: Pick<TestEmulator, 'url'>, method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.json !== undefined) {
        body = JSON.stringify(options.json);
        headers['content-type'] = options.contentType ?? 'application/json';
    } else if (options.form) {
        body = new URLSearchParams(options.form).toString();
        headers['content-type'] = options.contentType ?? 'application/x-www-form-urlencoded';
    } else if (options.raw !== undefined) {
        body = options.raw;
        if (options.contentType) headers['content-type'] = options.contentType;
    } else if (options.contentType) {
        headers['content-type'] = options.contentType;
    }
    const url = path.startsWith('http') ? path : `${emulator.url}${path}`;
    const response = await request(url, { method: method as 'GET', headers, body });
    const text = await response.body.text();
    let parsed: unknown;
    try {
        parsed = text ? JSON.parse(text) : undefined;
    } catch {
        parsed = undefined;
    }
    return { status: response.statusCode, headers: response.headers, text, body: parsed };
}

export function basic(clientId: string, clientSecret: string): string {
    return `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
}

/** A client-credentials token for any app authenticating with client_secret_post (the emulator's default). */
export async function tokenFor(emulator: TestEmulator, clientId: string, clientSecret: string): Promise<string> {
    const result = await call(emulator, 'POST', `/${emulator.environmentId}/as/token`, {
        form: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret },
    });
    if (result.status !== 200) throw new Error(`token request failed: ${result.status} ${result.text}`);
    return result.body.access_token as string;
}

/** Follows `_links.next.href` to the end; returns every item of the collection and the page sizes. */
export async function collectPages(emulator: TestEmulator, firstUrl: string, collection: string, token: string): Promise<{ items: any[]; sizes: number[] }> {
    const items: any[] = [];
    const sizes: number[] = [];
    let next: string | undefined = firstUrl;
    while (next) {
        const page = await call(emulator, 'GET', next, { token });
        if (page.status !== 200) throw new Error(`page failed: ${page.status} ${page.text}`);
        items.push(...page.body._embedded[collection]);
        sizes.push(page.body.size);
        next = page.body._links.next?.href;
    }
    return { items, sizes };
}
