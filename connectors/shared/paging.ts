// PingOne's HAL collections: `_embedded.<key>` holds the page, `_links.next.href` the next one. Paging
// follows that link only (PingOne may return fewer items than `limit` asked for), and only after
// checking it is a page of the same listing on the connection's API origin (answers.ts); the origin is
// then stripped so that the request goes through the proxy's own base URL with the connection's credentials.
import { URL } from 'url';
import type { NangoAction } from 'nango';

import type { PingOneContext } from './connection.js';
import { fail, pingOneStatus } from './errors.js';
import { aPageOf, pageItems, type HalCollection } from './answers.js';
import { call, type PingOneCall } from './http.js';
import { PAGE_SIZE } from './pingone.js';

export type HalPage = HalCollection;

export interface Page<T> {
    items: T[];
    /** The next page as a path on the API origin, or undefined on the last page. */
    nextPath: string | undefined;
}

export interface CollectionRequest extends Pick<PingOneCall, 'doing' | 'roles'> {
    /** The first page's path, or a saved `nextPath` to resume from. */
    path: string;
    /** The `_embedded` key, e.g. `users`. */
    embedded: string;
    /** Query parameters of the first page (the next links carry their own). */
    params?: Record<string, string | number>;
}

type PagingNango = Pick<NangoAction, 'proxy' | 'ActionError'>;

/** The path and query of a next link that `aPageOf` has checked to be a page of the same listing. */
function nextPathOf(context: PingOneContext, page: HalPage): string | undefined {
    const href = page._links?.next?.href;
    if (href === undefined) {
        return undefined;
    }
    const url = new URL(href, context.apiOrigin);
    return url.pathname + url.search;
}

/**
 * Fetches one page: the first (with its params) or a saved next path (which carries its own query).
 * An answer that is not a page of this listing is sent for again, then fails the run: read as a page
 * it would end the collection early, and a scan would delete what it did not see.
 */
export async function fetchPage<T>(nango: PagingNango, context: PingOneContext, request: CollectionRequest, resume?: string): Promise<Page<T>> {
    const page = await call<HalPage>(nango, {
        method: 'GET',
        endpoint: resume ?? request.path,
        ...(resume === undefined ? { params: { limit: PAGE_SIZE, ...request.params } } : {}),
        idempotent: true,
        answer: aPageOf(context, request.path, request.embedded),
        doing: request.doing,
        roles: request.roles,
    });
    const nextPath = nextPathOf(context, page);
    if (nextPath !== undefined && nextPath === resume) {
        throw fail(nango, { code: 'unexpected_response', message: 'PingOne returned a next-page link to the same page; paging stopped.' });
    }
    return { items: pageItems(page, request.embedded) as T[], nextPath };
}

/**
 * Every page of a collection, from the start or from a saved next path. The next page is asked for
 * as soon as its link is known, before this one is handed over, so PingOne answers it while the
 * caller maps and saves this one (one page of look-ahead).
 */
export async function* pages<T>(nango: PagingNango, context: PingOneContext, request: CollectionRequest, resume?: string): AsyncGenerator<Page<T>> {
    let pending: Promise<Page<T>> | undefined = fetchPage<T>(nango, context, request, resume);
    while (pending !== undefined) {
        const page: Page<T> = await pending;
        pending = page.nextPath === undefined ? undefined : lookAhead(fetchPage<T>(nango, context, request, page.nextPath));
        yield page;
    }
}

/**
 * A page asked for ahead. Its failure reaches the caller when it awaits the page; a caller that
 * stops early (an error of its own, a break) never awaits it, and its failure must not then end the
 * process as an unhandled rejection.
 */
function lookAhead<T>(page: Promise<T>): Promise<T> {
    page.catch(() => undefined);
    return page;
}

/**
 * Every page of a collection from a saved next path; when PingOne no longer accepts that path (a
 * cursor saved by a run that stopped days ago may have expired), from the first page instead, so
 * that a stale checkpoint costs one full read rather than failing every run.
 */
export async function* resumedPages<T>(
    nango: PagingNango & Pick<NangoAction, 'log'>,
    context: PingOneContext,
    request: CollectionRequest,
    resume: string | undefined,
): AsyncGenerator<Page<T>> {
    if (resume === undefined) {
        yield* pages<T>(nango, context, request);
        return;
    }
    let first: Page<T>;
    try {
        first = await fetchPage<T>(nango, context, request, resume);
    } catch (error) {
        // PingOne refused a page it once handed out: its cursor expired (or the collection went).
        const status = pingOneStatus(error);
        if (status !== 400 && status !== 404) {
            throw error;
        }
        await nango.log(`PingOne no longer accepts the saved page ${resume}: reading from the first page.`, { level: 'warn' });
        yield* pages<T>(nango, context, request);
        return;
    }
    if (first.nextPath === undefined) {
        yield first;
        return;
    }
    // The pages after it, with the next one asked for before this one is handed over (look-ahead).
    const rest = pages<T>(nango, context, request, first.nextPath);
    const second = lookAhead(rest.next());
    yield first;
    const next = await second;
    if (next.done !== true) {
        yield next.value;
        yield* rest;
    }
}

/** The query keys of a next link: the cursor itself and the listing's own limit and filter. */
const cursorKeys = ['cursor', 'limit', 'filter'];

/**
 * Why a cursor handed back cannot be the next page of `request`, or undefined when it can. It must be
 * a page of the same path carrying nothing but cursor, limit and filter, and the request's filter if it
 * has one: list-users and list-group-members share a path, and only the filter keeps a group's members apart.
 */
function cursorMismatch(context: PingOneContext, request: CollectionRequest, cursor: string): string | undefined {
    // `..` only matters in the path: a filter may hold it (email sw "john..doe").
    if (!cursor.startsWith(`${request.path}?`) || cursor.split('?')[0]?.includes('..') || cursor.includes('#')) {
        return 'is not a cursor this action returned';
    }
    const query = new URL(cursor, context.apiOrigin).searchParams;
    const keys = [...query.keys()];
    if (keys.some((key) => !cursorKeys.includes(key)) || new Set(keys).size !== keys.length) {
        return `carries query parameters other than ${cursorKeys.join(', ')} (once each)`;
    }
    // Without a filter of its own (list-users with none) the cursor's filter is the caller's earlier choice.
    const filter = request.params?.['filter'];
    if (filter !== undefined && query.get('filter') !== String(filter)) {
        return 'belongs to a listing with another filter (another action, group or filter input)';
    }
    return undefined;
}

/**
 * One page for an action that lists with a cursor. The cursor handed out is the next page's path; one
 * handed back is accepted only if it is a page of this very listing, so it cannot steer the request.
 */
export async function cursorPage<T>(
    nango: PagingNango,
    context: PingOneContext,
    request: CollectionRequest,
    cursor: string | undefined,
): Promise<{ items: T[]; next_cursor?: string }> {
    const mismatch = cursor === undefined ? undefined : cursorMismatch(context, request, cursor);
    if (mismatch !== undefined) {
        throw fail(nango, {
            code: 'invalid_input',
            message: `Input field "cursor" ${mismatch}; pass the \`next_cursor\` of the previous page with the same other inputs, or omit it to start over.`,
            field: 'cursor',
        });
    }
    const page = await fetchPage<T>(nango, context, request, cursor);
    return { items: page.items, ...(page.nextPath ? { next_cursor: withOwnFilter(page.nextPath, request) } : {}) };
}

/**
 * The next page's path with the listing's filter in it. Whether PingOne repeats `filter` in its next
 * links is not documented; the cursors this action hands out carry it either way, so the check above
 * can insist on it and a group's members stay a group's members.
 */
function withOwnFilter(nextPath: string, request: CollectionRequest): string {
    const filter = request.params?.['filter'];
    if (filter === undefined || /[?&]filter=/.test(nextPath)) return nextPath;
    return `${nextPath}${nextPath.includes('?') ? '&' : '?'}filter=${encodeURIComponent(String(filter))}`;
}

/** Every item of a (small) collection, for actions that return the whole list. */
export async function allItems<T>(nango: PagingNango, context: PingOneContext, request: CollectionRequest): Promise<T[]> {
    const items: T[] = [];
    for await (const page of pages<T>(nango, context, request)) {
        items.push(...page.items);
    }
    return items;
}
