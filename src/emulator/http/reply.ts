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

/** A JSON body serialised by the handler already (large pages built from JSON text): sent as is. */
export class JsonText {
    constructor(readonly text: string) {}
}

export function jsonText(status: number, text: string): Reply {
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
