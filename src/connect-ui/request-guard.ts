import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

// Who may use the page: only a browser on this machine that opened the URL the command printed.
// The Host check stops DNS rebinding (a web page whose name resolves to 127.0.0.1); the Origin
// check stops other sites posting to us; the per-launch token stops anything that never saw the URL.

export function hostAllowed(request: IncomingMessage, port: number): boolean {
    return request.headers.host === `127.0.0.1:${port}` || request.headers.host === `localhost:${port}`;
}

export function originAllowed(request: IncomingMessage, port: number): boolean {
    const origin = request.headers.origin;
    return origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

export function tokenMatches(presented: string | null | undefined, launchToken: string): boolean {
    if (typeof presented !== 'string') return false;
    const a = Buffer.from(presented);
    const b = Buffer.from(launchToken);
    return a.length === b.length && timingSafeEqual(a, b);
}
