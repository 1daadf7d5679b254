// What an answer must be before a script trusts it. A 2xx answer that is not the data the call
// expects (cut-short JSON left as text, `{}`, a proxy's HTML page) is a fault: read as data it would
// look like an empty page, which ends a scan and deletes everything it did not see.
import { URL } from 'url';
import * as z from 'zod';

import type { PingOneContext } from './connection.js';

/** Why an answer cannot be used, or undefined when it can. */
export type AnswerCheck = (data: unknown) => string | undefined;

const Link = z.object({ href: z.string() });

// PingOne's HAL collection (spec: `EnvironmentsResponse` and the other `*Response` collections):
// `_embedded.<collection>` the items, `_links.next` absent on the last page, `count` and `size` optional.
const HalCollection = z.object({
    _embedded: z.record(z.string(), z.unknown()).optional(),
    _links: z.object({ next: Link.optional() }).optional(),
    count: z.number().optional(),
    size: z.number().optional(),
});
export type HalCollection = z.infer<typeof HalCollection>;

const Resource = z.object({ id: z.string().min(1) });

function described(data: unknown): string {
    if (typeof data === 'string') return data.length === 0 ? 'an empty body' : 'a body that is not JSON';
    if (Array.isArray(data)) return 'a JSON array';
    if (data === null || typeof data !== 'object') return `JSON ${data === null ? 'null' : typeof data}`;
    return 'an object';
}

function isObject(data: unknown): data is Record<string, unknown> {
    return typeof data === 'object' && data !== null && !Array.isArray(data);
}

/** Any JSON object: what every PingOne read answers with. */
export const anObject: AnswerCheck = (data) => (isObject(data) ? undefined : `${described(data)} where an object was expected`);

/** A single resource: an object with its `id`. */
export const aResource: AnswerCheck = (data) => {
    if (!isObject(data)) return anObject(data);
    return Resource.safeParse(data).success ? undefined : 'an object without an `id` where a resource was expected';
};

/** No body, or JSON: a body of text is never data (what a proxy hands over when the JSON did not parse). */
export const noBodyOrJson: AnswerCheck = (data) => (typeof data === 'string' && data.length > 0 ? described(data) : undefined);

/** The items of a page that passed `aPageOf`. */
export function pageItems(page: HalCollection, embedded: string): unknown[] {
    const items = page._embedded?.[embedded];
    return Array.isArray(items) ? items : [];
}

/**
 * A page of the listing at `path`: a HAL collection whose `_embedded.<embedded>` is an array, and
 * whose next link, when there is one, is a URL of the same listing on the connection's API origin.
 * The spec marks `_embedded` optional, so a page without it is taken as empty only when it says so
 * itself (`size` or `count` 0); a bare `{}` cannot be told from a broken answer and is refused.
 */
export function aPageOf(context: PingOneContext, path: string, embedded: string): AnswerCheck {
    return (data) => {
        if (!isObject(data)) return `${described(data)} where a page of ${embedded} was expected`;
        const parsed = HalCollection.safeParse(data);
        if (!parsed.success) return `a page of ${embedded} with malformed ${parsed.error.issues[0]?.path.join('.') ?? 'fields'}`;
        const page = parsed.data;
        const items = page._embedded?.[embedded];
        if (!Array.isArray(items) && !(page._embedded === undefined && (page.size === 0 || page.count === 0))) {
            return `a page without the array _embedded.${embedded}`;
        }
        const href = page._links?.next?.href;
        if (href !== undefined && nextLinkPath(context, href) !== path) {
            return `a next-page link that is not a page of ${path} on ${context.apiOrigin}`;
        }
        return undefined;
    };
}

/** The path of a next link on the connection's API origin, or undefined if it is not one. */
function nextLinkPath(context: PingOneContext, href: string): string | undefined {
    try {
        const url = new URL(href, context.apiOrigin);
        return url.origin === context.apiOrigin ? url.pathname : undefined;
    } catch {
        return undefined;
    }
}
