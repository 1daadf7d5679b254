// The users sync asks for the next page before it stores this one (pages() looks one ahead), and
// the harness lets that request leave before it validates and commits the page: otherwise undici,
// which writes on a reused keep-alive socket only from a setImmediate, would hold it back until
// the page's synchronous work ended, and PingOne would never answer while the harness stores.
// Observed from undici's own diagnostics channel (when a request's headers are written) and the
// store's transactions (when pages commit, with the checkpoint naming the next page); an order of
// events, not a timing.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { expectSuccess, openScriptsWorld, usersScanPages, type ScriptsWorld } from './world.js';

let world: ScriptsWorld;
beforeAll(async () => {
    world = await openScriptsWorld({ users: 1_000 });
});
afterAll(async () => world?.close());

describe('users sync look-ahead', () => {
    it('writes the request for the next page before the pages before it are committed', async () => {
        const events: Array<{ kind: 'request'; path: string } | { kind: 'commit'; nextPaths: string[] }> = [];
        const onSend = (message: unknown) => {
            const { request } = message as { request: { path: string } };
            if (/\/users\?/.test(request.path)) events.push({ kind: 'request', path: request.path });
        };
        const { store } = world.harness;
        const transaction = store.transaction.bind(store);
        store.transaction = (fn) => {
            const result = transaction(fn);
            const positions = (store.checkpoints.get('cc', 'users') as { scanPositions?: string } | null)?.scanPositions;
            // Each population's cursor: the next page's path, '' before its first page, null after its last.
            const nextPaths = Object.values(JSON.parse(positions || '{}') as Record<string, string | null>).filter((path): path is string => !!path);
            if (nextPaths.length > 0) events.push({ kind: 'commit', nextPaths });
            return result;
        };
        subscribe('undici:client:sendHeaders', onSend);
        // Pages 100 ms apart: the harness groups checkpoints into a commit every 250 ms, so the scan commits mid-way.
        world.emulator.admin.setFaults({ latencyMs: 100 });
        try {
            expectSuccess(await world.harness.runSync('cc', 'users', { full: true }));
        } finally {
            unsubscribe('undici:client:sendHeaders', onSend);
            store.transaction = transaction;
            world.emulator.admin.setFaults({});
        }
        const requests = events.filter((event) => event.kind === 'request');
        const commits = events.filter((event) => event.kind === 'commit');
        // 200 users a page, each population with its own cursor.
        expect(requests).toHaveLength(usersScanPages(world.harness, 'cc'));
        expect(commits.length).toBeGreaterThan(0);
        // A commit saves the pages read so far with the checkpoint that names the page after them in
        // each population: those pages were asked for before the commit began.
        for (const commit of commits) {
            const requested = events.slice(0, events.indexOf(commit)).flatMap((event) => (event.kind === 'request' ? [event.path] : []));
            for (const nextPath of commit.nextPaths) expect(requested).toContain(nextPath);
        }
    });
});
