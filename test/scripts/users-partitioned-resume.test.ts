// A users full scan reads every population with a cursor of its own, at once. Stopped after any
// number of saved pages, then resumed, it stores exactly what PingOne has: no user lost, none
// duplicated, and no live user marked deleted at any moment, while users come and go between runs.
import { afterAll, beforeAll, expect, it } from 'vitest';

import { seededRandom } from '../../src/emulator/random.js';
import { expectSuccess, openScriptsWorld, usersScanPages, type ScriptsWorld } from './world.js';

let world: ScriptsWorld;
let stop: AbortController | undefined;
let stopAfterPages = Infinity;
let pagesSaved = 0;

beforeAll(async () => {
    world = await openScriptsWorld(
        { users: 1500 },
        {
            onProgress: (event) => {
                if (event.kind === 'records' && stop && ++pagesSaved >= stopAfterPages) stop.abort();
            },
        },
    );
});
afterAll(async () => world?.close());

/** Every stored User record, deleted ones too, by id. */
function storedUsers(): Map<string, { deleted: boolean }> {
    const stored = new Map<string, { deleted: boolean }>();
    let cursor: string | undefined;
    do {
        const page = world.harness.records('cc', 'User', { limit: 1000, cursor });
        for (const record of page.records) {
            expect(stored.has(String(record.id)), `user ${String(record.id)} stored twice`).toBe(false);
            stored.set(String(record.id), { deleted: record._nango_metadata.deleted_at !== null });
        }
        cursor = page.next_cursor ?? undefined;
    } while (cursor);
    return stored;
}

function emulatorUserIds(): Set<string> {
    const ids = new Set<string>();
    for (let position = 0; position < world.emulator.admin.users.count(); position++) ids.add(String(world.emulator.admin.users.at(position)?.['id']));
    return ids;
}

function wronglyDeleted(): string[] {
    const live = emulatorUserIds();
    return [...storedUsers()].filter(([id, record]) => record.deleted && live.has(id)).map(([id]) => id);
}

it('resumes exactly after being stopped at random points of a partitioned scan', { timeout: 300_000 }, async () => {
    expectSuccess(await world.harness.runSync('cc', 'users', { full: true }));
    const pages = usersScanPages(world.harness, 'cc');
    expect(world.emulator.admin.directory().populations.length).toBeGreaterThan(1);
    const random = seededRandom('partitioned-resume');
    const stopPoints = Array.from({ length: 5 }, () => 1 + Math.floor(random() * (pages - 1)));
    const results: string[] = [];
    for (const [round, stopPoint] of stopPoints.entries()) {
        // Users come and go between runs: the resumed scan must catch both.
        world.emulator.admin.users.delete(String(world.emulator.admin.users.at(10 + round * 37)?.['id']));
        world.emulator.admin.users.create({ username: `partitioned-${round}`, email: `partitioned-${round}@example.com` });

        stop = new AbortController();
        pagesSaved = 0;
        stopAfterPages = stopPoint;
        const stopped = await world.harness.runSync('cc', 'users', { full: true, signal: stop.signal });
        stop = undefined;
        expect(stopped.status).toBe('failed');
        expect(wronglyDeleted()).toEqual([]);

        const resumed = expectSuccess(await world.harness.runSync('cc', 'users'));
        expect(wronglyDeleted()).toEqual([]);
        const live = emulatorUserIds();
        const stored = storedUsers();
        const storedLive = [...stored].filter(([, record]) => !record.deleted).map(([id]) => id);
        expect(new Set(storedLive)).toEqual(live);
        results.push(
            `stopped after ${stopPoint} of ${pages} pages, resumed with ${resumed.requests} requests: ${storedLive.length} live, ${stored.size - storedLive.length} deleted`,
        );
    }
    console.info(`partitioned scan resumes:\n  ${results.join('\n  ')}`);
});
