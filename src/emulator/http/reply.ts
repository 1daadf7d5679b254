/** What a handler answers; the server writes it (and may corrupt it when a fault says so). */
export interface Reply {
    status: number;
    headers?: Record<string, string>;
    /** JSON-serialised unless it is a string (HTML, text), `JsonText` (JSON already) or absent (204). */
    body?: unknown;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
    return { status, body, headers };
}

/**
 * A JSON body serialised by the handler already (large pages built from JSON text): sent as is, part
 * after part. A large page stays in parts below V8's large-object size: one string of a whole page
 * (hundreds of KB) was a fresh mapping of memory for every answer, and its page faults cost the
 * emulator as much CPU as building the page.
 */
export class JsonText {
    readonly parts: readonly string[];
    constructor(text: string | readonly string[]) {
        this.parts = typeof text === 'string' ? [text] : text;
    }
    /** The whole text, for the faults that corrupt it. */
    get text(): string {
        return this.parts.join('');
    }
}

export function jsonText(status: number, text: string | readonly string[]): Reply {
    return { status, body: new JsonText(text) };
}

export function noContent(): Reply {
    return { status: 204 };
}

export function created(body: { _links?: { self?: { href: string } } }): Reply {
    const location = body._links?.self?.href;
    return { status: 201, body, headers: location === undefined ? {} : { location } };
}

export function html(status: number, page: string, headers: Record<string, string> = {}): Reply {
    return { status, body: page, headers: { 'content-type': 'text/html; charset=utf-8', ...headers } };
}

export function redirect(location: string): Reply {
    return { status: 302, headers: { location, 'cache-control': 'no-store' } };
}
