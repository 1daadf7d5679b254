// A users full scan killed part-way resumes at the page it had not finished, and the deletes it
// detects at the end count the pages saved before the interruption as seen. A saved page PingOne
// no longer accepts (an expired cursor) starts the read over rather than failing every later run.
import { afterAll, beforeAll, expect, it } from 'vitest';

import { expectSuccess, liveRecords, openScriptsWorld, type ScriptsWorld } from './world.js';

let world: ScriptsWorld;
let stop: AbortController | undefined;
// Stopped while the third page is being saved: the two before it are committed with their checkpoints.
const PAGES_BEFORE_ABORT = 3;
let pagesSaved = 0;

beforeAll(async () => {
    world = await openScriptsWorld(
        { users: 2000 },
        {
            onProgress: (event) => {
                if (event.kind === 'records' && stop && ++pagesSaved >= PAGES_BEFORE_ABORT) stop.abort();
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
    const checkpoint = world.harness.store.checkpoints.get('cc', 'users') as { scanPositions?: string } | null;
    // One cursor per population, at least one of them part-way through its pages.
    const positions = JSON.parse(checkpoint?.scanPositions ?? '{}') as Record<string, string | null>;
    expect(Object.keys(positions).length).toBe(world.emulator.admin.directory().populations.length);
    expect(Object.values(positions).some((position) => position?.includes('/users?'))).toBe(true);
    const savedBefore = liveRecords(world.harness, 'cc', 'User').length;
    expect(savedBefore).toBeGreaterThan(0);
    expect(savedBefore).toBeLessThan(2000);

    world.emulator.admin.users.delete(gone);
    const resumed = expectSuccess(await world.harness.runSync('cc', 'users'));
    const users = liveRecords<{ id: string }>(world.harness, 'cc', 'User');
    expect(users).toHaveLength(world.emulator.admin.users.count());
    expect(users.map((u) => u.id)).not.toContain(gone);
    // The resumed run read only the pages the first one had not saved (the populations' pages are
    // of 200 users, with a last page each, besides the re-read of the deleted user).
    const pagesOfAFullScan = world.emulator.admin.directory().populations.length + Math.ceil(2000 / 200);
    expect(resumed.requests).toBeLessThan(pagesOfAFullScan);
});

it.each([
    {
        sync: 'users',
        model: 'User',
        checkpoint: (path: string) => ({
            changesSince: '',
            lastFullScanAt: '',
            fullScanStartedAt: new Date().toISOString(),
            scanPositions: JSON.stringify(Object.fromEntries(world.emulator.admin.directory().populations.map((p) => [String(p['id']), path]))),
        }),
    },
    { sync: 'groups', model: 'Group', checkpoint: (path: string) => ({ nextPath: path }) },
])(
    '$sync: a saved page PingOne no longer accepts (an expired cursor) starts the scan over instead of failing every run',
    { timeout: 120_000 },
    async ({ sync, model, checkpoint }) => {
        const collection = sync === 'users' ? 'users' : 'groups';
        const stale = `/v1/environments/${world.emulator.environmentId}/${collection}?limit=100&cursor=expired`;
        world.harness.store.checkpoints.save('cc', sync, checkpoint(stale));
        const logsBefore = world.logs.length;
        expectSuccess(await world.harness.runSync('cc', sync));
        expect(world.logs.slice(logsBefore).join('\n')).toContain('no longer accepts the saved page');
        const expected = sync === 'users' ? world.emulator.admin.users.count() : world.emulator.admin.directory().groups.length;
        expect(liveRecords(world.harness, 'cc', model)).toHaveLength(expected);
    },
);

it('audit-activities: a saved page PingOne no longer accepts reads the window again whole', { timeout: 60_000 }, async () => {
    const user = String(world.emulator.admin.users.at(5)!['id']);
    world.emulator.admin.users.update(user, { title: 'Seen despite a stale page' });
    const readUntil = new Date(Date.now() - 60_000).toISOString();
    world.harness.store.checkpoints.save('cc', 'audit-activities', {
        readUntil,
        windowEnd: new Date(Date.now() + 1000).toISOString(),
        nextPath: `/v1/environments/${world.emulator.environmentId}/activities?limit=100&cursor=expired`,
    });
    expectSuccess(await world.harness.runSync('cc', 'audit-activities'));
    const activities = liveRecords<{ actionType?: string; resources?: { id?: string }[] }>(world.harness, 'cc', 'AuditActivity');
    expect(activities.some((a) => a.actionType === 'USER.UPDATED' && a.resources?.some((r) => r.id === user))).toBe(true);
});
