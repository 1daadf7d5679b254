import { apiErrors } from '../http/api-error.js';
import { hash32 } from '../random.js';
import type { RequestContext } from '../http/context.js';

/** Page-size rules of one collection endpoint. */
export interface PageRules {
    /** Used when `limit` is absent. */
    defaultLimit: number;
    /** Larger `limit`s are served in pages of this size (PingOne's "may be smaller than limit"). */
    cap: number;
    /** `limit` above this is refused with 400 (the spec's documented maximum). */
    maxLimit: number;
}

export interface PageRequest {
    /** Page size actually served. */
    size: number;
    /** Where in the collection's order this page starts. */
    position: number;
}

// The query parameters a cursor belongs to: following a `next` link with a different filter is refused
// rather than silently mixing two result sets.
const boundParameters = ['filter', 'expand', 'order'];

function queryFingerprint(query: URLSearchParams): number {
    return hash32(boundParameters.map((name) => `${name}=${query.get(name) ?? ''}`).join('&'));
}

function encodeCursor(position: number, query: URLSearchParams): string {
    return Buffer.from(JSON.stringify({ p: position, q: queryFingerprint(query) })).toString('base64url');
}

function decodeCursor(cursor: string, query: URLSearchParams): number {
    try {
        const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { p?: unknown; q?: unknown };
        if (typeof decoded.p === 'number' && Number.isInteger(decoded.p) && decoded.p >= 0 && decoded.q === queryFingerprint(query)) return decoded.p;
    } catch {
        // fall through to the error below: a cursor the emulator did not write
    }
    throw apiErrors.invalidValue('cursor', 'The cursor is not valid for this request. Follow _links.next.href exactly as returned.');
}

export function readPaging(context: RequestContext, rules: PageRules): PageRequest {
    const limitText = context.query.get('limit');
    let limit = rules.defaultLimit;
    if (limitText !== null) {
        limit = Number(limitText);
        if (!/^\d+$/.test(limitText) || limit < 1)
            throw apiErrors.invalidValue('limit', `limit must be a whole number from 1 to ${rules.maxLimit}; got "${limitText}".`);
        if (limit > rules.maxLimit) {
            throw apiErrors.invalidData({
                code: 'OUT_OF_RANGE',
                target: 'limit',
                message: `limit must be at most ${rules.maxLimit}.`,
                innerError: { rangeMinimumValue: 1, rangeMaximumValue: rules.maxLimit },
            });
        }
    }
    const cursor = context.query.get('cursor');
    return { size: Math.min(limit, rules.cap), position: cursor === null ? 0 : decodeCursor(cursor, context.query) };
}

export interface HalPage {
    /** The `_embedded` key: users, groups, populations, ... */
    collection: string;
    items: unknown[];
    /** Position just after the last item scanned; absent on the last page. */
    nextPosition?: number | undefined;
    /** Where the page before this one starts; absent on the first page. */
    previousPosition?: number | undefined;
    /** Total number of matching items, when known. */
    count?: number | undefined;
}

// `self`, and `next` and `prev` with an opaque cursor, as PingOne's collections carry them
// (https://developer.pingidentity.com/pingone-api/platform/reference/paging-ordering-collections.html).
function pageLinks(context: RequestContext, nextPosition: number | undefined, previousPosition?: number): Record<string, { href: string }> {
    const self = `${context.origin}${context.path}${context.search}`;
    const links: Record<string, { href: string }> = { self: { href: self } };
    const linkAt = (position: number) => {
        const query = new URLSearchParams();
        for (const name of ['limit', ...boundParameters]) {
            const value = context.query.get(name);
            if (value !== null) query.set(name, value);
        }
        query.set('cursor', encodeCursor(position, context.query));
        return { href: `${context.origin}${context.path}?${query.toString()}` };
    };
    if (nextPosition !== undefined) links.next = linkAt(nextPosition);
    if (previousPosition !== undefined) links.prev = linkAt(previousPosition);
    return links;
}

/** A HAL collection body with `_links.self/next`, `_embedded.<collection>`, `count` and `size`. */
export function halPage(context: RequestContext, page: HalPage): Record<string, unknown> {
    return {
        _links: pageLinks(context, page.nextPosition, page.previousPosition),
        _embedded: { [page.collection]: page.items },
        ...(page.count === undefined ? {} : { count: page.count }),
        size: page.items.length,
    };
}

/** Characters a part of a page's text holds at most: under V8's large-object size (128 KB). */
const partCharacters = 64 * 1024;

/**
 * `JSON.stringify(halPage(...))` for items that are JSON text already, as consecutive parts (see
 * `JsonText`): a large page is a few string joins, not an object walk and not one large string.
 */
export function halPageJson(context: RequestContext, page: Omit<HalPage, 'items'> & { items: string[] }): string[] {
    const count = page.count === undefined ? '' : `"count":${page.count},`;
    const parts = [`{"_links":${JSON.stringify(pageLinks(context, page.nextPosition))},"_embedded":{${JSON.stringify(page.collection)}:[`];
    let from = 0;
    let characters = 0;
    page.items.forEach((item, index) => {
        characters += item.length + 1;
        if (characters < partCharacters && index < page.items.length - 1) return;
        parts.push(`${from === 0 ? '' : ','}${page.items.slice(from, index + 1).join(',')}`);
        from = index + 1;
        characters = 0;
    });
    parts.push(`]},${count}"size":${page.items.length}}`);
    return parts;
}

/** Pages through a small in-memory collection. */
export function pageOf<T>(items: readonly T[], request: PageRequest): { items: T[]; nextPosition?: number; previousPosition?: number; count: number } {
    const end = request.position + request.size;
    return {
        items: items.slice(request.position, end),
        ...(end < items.length ? { nextPosition: end } : {}),
        ...(request.position > 0 ? { previousPosition: Math.max(0, request.position - request.size) } : {}),
        count: items.length,
    };
}
