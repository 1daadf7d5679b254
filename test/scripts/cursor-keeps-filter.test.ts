// Whether PingOne repeats `filter` in its next links is not documented, and our emulator does repeat
// it; so a stand-in for `nango.proxy` answers with a next link that leaves the filter out, the one
// case the emulator cannot show. Every other cursor test runs the actions against the emulator.
import { describe, expect, it } from 'vitest';

import { cursorPage, type HalPage } from '../../connectors/shared/paging.js';
import { ActionError, context } from './paging-stand-in.js';

const path = `${context.environmentPath}/users`;
const filter = 'memberOfGroups[id eq "5e1d2f3a-0000-4000-8000-000000000001"]';
const request = { path, embedded: 'users', doing: 'list group members', roles: 'identityRead' as const, params: { filter, limit: 1 } };

const asked: string[] = [];
const nango = {
    ActionError,
    proxy: async ({ endpoint, params }: { endpoint: string; params?: Record<string, unknown> }) => {
        asked.push(params === undefined ? endpoint : `${endpoint}?${new URLSearchParams(params as Record<string, string>)}`);
        const page: HalPage = {
            _embedded: { users: [{ id: `u${asked.length}` }] },
            _links: { next: { href: `${context.apiOrigin}${path}?cursor=c${asked.length}&limit=1` } },
        };
        return { data: page, status: 200 };
    },
};

describe('a cursor handed out for a filtered listing', () => {
    it('carries the filter even when the next link left it out, so the next page is of the same listing and passes the check', async () => {
        const first = await cursorPage(nango as never, context, request, undefined);
        expect(first.next_cursor).toBe(`${path}?cursor=c1&limit=1&filter=${encodeURIComponent(filter)}`);
        const second = await cursorPage(nango as never, context, request, first.next_cursor);
        expect(second.items).toEqual([{ id: 'u2' }]);
        expect(new URL(asked[1] ?? '', context.apiOrigin).searchParams.get('filter')).toBe(filter);
    });

    it('takes back a cursor whose filter holds two dots (an email prefix), which only a path may not', async () => {
        const dotted = { ...request, params: { filter: 'email sw "john..doe"', limit: 1 } };
        const first = await cursorPage(nango as never, context, dotted, undefined);
        await expect(cursorPage(nango as never, context, dotted, first.next_cursor)).resolves.toMatchObject({ items: [expect.any(Object)] });
        await expect(cursorPage(nango as never, context, dotted, `${path}/../groups?cursor=c1`)).rejects.toThrow(ActionError);
    });
});
