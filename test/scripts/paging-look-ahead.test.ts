// The order in which pages() asks for pages. A stand-in for `nango.proxy` answers from memory and
// notes each request, because the question is when the script asks, which no server can see from
// outside the script; every other scripts test runs pages() through the harness against the emulator.
import { afterEach, describe, expect, it } from 'vitest';

import { pages, type HalPage } from '../../connectors/shared/paging.js';
import { ActionError, context } from './paging-stand-in.js';

const path = `${context.environmentPath}/groups`;
const request = { path, embedded: 'groups', doing: 'list groups', roles: 'identityRead' as const };

/** Pages `0..count-1`; each links to the next. `failing` pages reject. */
function standIn(count: number, failing: readonly number[] = []) {
    const asked: number[] = [];
    const nango = {
        ActionError,
        proxy: async ({ endpoint }: { endpoint: string }) => {
            const index = Number(new URL(endpoint, context.apiOrigin).searchParams.get('cursor') ?? '0');
            asked.push(index);
            await new Promise((resolve) => setImmediate(resolve));
            if (failing.includes(index)) throw new Error(`page ${index} failed`);
            const page: HalPage = {
                _embedded: { groups: [{ id: `g${index}` }] },
                ...(index + 1 < count ? { _links: { next: { href: `${context.apiOrigin}${path}?cursor=${index + 1}` } } } : {}),
            };
            return { data: page, status: 200 };
        },
    };
    return { nango: nango as unknown as Parameters<typeof pages>[0], asked };
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
afterEach(() => {
    process.off('unhandledRejection', onUnhandled);
    unhandled.length = 0;
});

describe('pages() looks one page ahead', () => {
    it('has asked for page N+1 when it hands over page N, and asks for nothing after the last page', async () => {
        const { nango, asked } = standIn(3);
        const seen: Array<{ page: string; askedSoFar: number[] }> = [];
        for await (const page of pages<{ id: string }>(nango, context, request)) {
            seen.push({ page: page.items[0]!.id, askedSoFar: [...asked] });
        }
        expect(seen).toEqual([
            { page: 'g0', askedSoFar: [0, 1] },
            { page: 'g1', askedSoFar: [0, 1, 2] },
            { page: 'g2', askedSoFar: [0, 1, 2] },
        ]);
    });

    it('resumes from a saved next path and still reports a failed page to the caller that reaches it', async () => {
        const { nango, asked } = standIn(4, [2]);
        const ids: string[] = [];
        const reading = (async () => {
            for await (const page of pages<{ id: string }>(nango, context, request, `${path}?cursor=1`)) ids.push(page.items[0]!.id);
        })();
        await expect(reading).rejects.toThrow('page 2 failed');
        expect(ids).toEqual(['g1']);
        expect(asked).toEqual([1, 2]);
    });

    it('lets a caller stop early without the abandoned look-ahead becoming an unhandled rejection', async () => {
        process.on('unhandledRejection', onUnhandled);
        const { nango, asked } = standIn(3, [1]);
        for await (const page of pages<{ id: string }>(nango, context, request)) {
            expect(page.items[0]!.id).toBe('g0');
            break;
        }
        // Let the abandoned request for page 1 fail and any unhandled rejection surface.
        for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
        expect(asked).toEqual([0, 1]);
        expect(unhandled).toEqual([]);
    });
});
