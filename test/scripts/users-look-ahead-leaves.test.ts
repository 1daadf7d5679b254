// The users sync asks for the next page before it stores this one (pages() looks one ahead), and
// the harness lets that request leave before it validates and commits the page: otherwise undici,
// which writes on a reused keep-alive socket only from a setImmediate, would hold it back until
// the page's synchronous work ended, and PingOne would never answer while the harness stores.
// Observed from undici's own diagnostics channel (when a request's headers are written) and the
// store's transactions (when a page commits); an order of events, not a timing.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { expectSuccess, openScriptsWorld, type ScriptsWorld } from './world.js';

let world: ScriptsWorld;
beforeAll(async () => {
    world = await openScriptsWorld({ users: 1_000 });
});
afterAll(async () => world?.close());

describe('users sync look-ahead', () => {
    it('writes the request for page N+1 before page N is committed', async () => {
        const events: string[] = [];
        const onSend = (message: unknown) => {
            const { request } = message as { request: { path: string } };
            if (/\/users\?/.test(request.path)) events.push('request');
        };
        const { store } = world.harness;
        const transaction = store.transaction.bind(store);
        store.transaction = (fn) => {
            events.push('commit');
            return transaction(fn);
        };
        subscribe('undici:client:sendHeaders', onSend);
        try {
            expectSuccess(await world.harness.runSync('cc', 'users', { full: true }));
        } finally {
            unsubscribe('undici:client:sendHeaders', onSend);
            store.transaction = transaction;
        }
        // 200 users a page; each page before the last commits with its checkpoint.
        const pageEvents = events.slice(0, events.lastIndexOf('request') + 1);
        expect(pageEvents.filter((event) => event === 'request')).toHaveLength(Math.ceil(world.emulator.admin.users.count() / 200));
        // Page N+1's request is written before page N's commit: no two commits in a row, and the
        // first commit comes after the second request.
        expect(pageEvents.slice(0, 3)).toEqual(['request', 'request', 'commit']);
        expect(pageEvents.join(' ')).not.toContain('commit commit');
    });
});
