// The harness groups the checkpoints a fast scan saves into a commit every 250 ms (with the records of
// their pages), and commits each one when pages come slower than that. Counted from the store's own
// transactions; that a run killed between two commits resumes exactly is kill-at-every-step's proof.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { expectSuccess, openScriptsWorld, type ScriptsWorld } from './world.js';

let world: ScriptsWorld;
beforeAll(async () => {
    // 20 users a page: a full scan of many pages that a quiet machine reads in well under a second each.
    world = await openScriptsWorld({ users: 600, userPageCap: 20 });
});
afterAll(async () => world?.close());

/** The commits of a full users scan, and its requests: one a page, plus the list of populations. */
async function commitsOfFullScan(): Promise<{ commits: number; requests: number }> {
    const { store } = world.harness;
    const transaction = store.transaction.bind(store);
    let commits = 0;
    store.transaction = (fn) => {
        commits++;
        return transaction(fn);
    };
    try {
        const report = expectSuccess(await world.harness.runSync('cc', 'users', { full: true }));
        return { commits, requests: report.requests };
    } finally {
        store.transaction = transaction;
    }
}

describe('commits by time', () => {
    it('a fast scan commits far fewer times than it reads pages', async () => {
        const { commits, requests } = await commitsOfFullScan();
        console.log(`full scan in ${requests} requests: ${commits} commits`);
        expect(requests).toBeGreaterThanOrEqual(30);
        expect(commits).toBeLessThan(requests / 2);
    });

    it('pages 300 ms apart commit one by one', async () => {
        world.emulator.admin.setFaults({ latencyMs: 300 });
        try {
            const { commits, requests } = await commitsOfFullScan();
            expect(commits).toBeGreaterThanOrEqual(requests / 4);
        } finally {
            world.emulator.admin.setFaults({});
        }
    }, 120_000);
});
