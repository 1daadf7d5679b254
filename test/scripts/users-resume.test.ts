// A users full scan killed part-way resumes at the page it had not finished, and the deletes it
// detects at the end count the pages saved before the interruption as seen.
import { afterAll, beforeAll, expect, it } from 'vitest';

import { expectSuccess, liveRecords, openScriptsWorld, type ScriptsWorld } from './world.js';

let world: ScriptsWorld;
let stop: AbortController | undefined;
const PAGES_BEFORE_ABORT = 4;

beforeAll(async () => {
    world = await openScriptsWorld(
        { users: 1000 },
        {
            onProgress: (event) => {
                if (event.kind === 'request' && event.requests >= PAGES_BEFORE_ABORT) stop?.abort();
            },
        },
    );
});
afterAll(async () => world?.close());

it('continues from the checkpointed page after an interrupted run, then deletes only what PingOne no longer has', { timeout: 180_000 }, async () => {
    const gone = String(world.emulator.admin.users.at(990)!['id']);
    stop = new AbortController();
    const interrupted = await world.harness.runSync('cc', 'users', { signal: stop.signal });
    expect(interrupted.status).toBe('failed');
    stop = undefined;
    const checkpoint = world.harness.store.checkpoints.get('cc', 'users');
    expect(JSON.stringify(checkpoint)).toContain('/users?');
    const savedBefore = liveRecords(world.harness, 'cc', 'User').length;
    expect(savedBefore).toBeGreaterThan(0);
    expect(savedBefore).toBeLessThan(1000);

    world.emulator.admin.users.delete(gone);
    const resumed = expectSuccess(await world.harness.runSync('cc', 'users'));
    const users = liveRecords<{ id: string }>(world.harness, 'cc', 'User');
    expect(users).toHaveLength(world.emulator.admin.users.count());
    expect(users.map((u) => u.id)).not.toContain(gone);
    // The resumed run read only the pages the first one had not saved.
    expect(resumed.requests).toBeLessThan(Math.ceil(1000 / 100));
});
