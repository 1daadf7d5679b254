// The users sync at the edges a data engineer worries about: the collection changing under a full
// scan's paging, a user created and deleted between two runs, an update followed by a later delete,
// an event stamped exactly at the checkpoint, moves and regroupings made through the API, and a run
// that fails after reading the audit log (its checkpoint must not move).
import type { ServerResponse } from 'node:http';

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { startLoopbackServer, type LoopbackServer, type RecordedRequest } from '../support/loopback-server.js';

import { answeredToken, connectLoopback, expectSuccess, liveRecords, openScriptsWorld, type ScriptsWorld } from './world.js';

let world: ScriptsWorld;
/** Called after every request a run makes, with the run's request count so far. */
let afterRequest: ((requests: number) => void) | undefined;

beforeAll(async () => {
    world = await openScriptsWorld(
        { users: 1000 },
        {
            onProgress: (event) => {
                if (event.kind === 'request') afterRequest?.(event.requests);
            },
        },
    );
});
afterAll(async () => world?.close());
afterEach(() => {
    afterRequest = undefined;
    vi.useRealTimers();
    world.emulator.admin.setFaults({});
    world.harness.store.metadata.set('cc', {});
});

const ids = () => new Set(liveRecords<{ id: string }>(world.harness, 'cc', 'User').map((user) => user.id));

/** Every user the emulator holds is a live record, and no other. */
function expectInStep(): void {
    const live = ids();
    const missing: string[] = [];
    for (let i = 0; i < world.emulator.admin.users.count(); i++) {
        const id = String(world.emulator.admin.users.at(i)!['id']);
        if (!live.delete(id)) missing.push(id);
    }
    expect({ missing, extra: [...live] }).toEqual({ missing: [], extra: [] });
}

describe('users sync boundaries (pingone-cc)', () => {
    it('a full reconciliation keeps every live user when users are deleted while it pages (paging may skip a shifted user)', { timeout: 180_000 }, async () => {
        expectSuccess(await world.harness.runSync('cc', 'users', { full: true }));
        let deleted: string | undefined;
        afterRequest = (requests) => {
            // After the third page, delete a user from the first: the pages after it shift by one.
            if (requests === 3 && deleted === undefined) {
                deleted = String(world.emulator.admin.users.at(0)!['id']);
                world.emulator.admin.users.delete(deleted);
            }
        };
        const report = expectSuccess(await world.harness.runSync('cc', 'users', { full: true }));
        afterRequest = undefined;
        expect(deleted).toBeDefined();
        // The deleted user was seen before it went; the next incremental run removes it from the log.
        expectSuccess(await world.harness.runSync('cc', 'users'));
        expectInStep();
        expect(report.status).toBe('success');
    });

    it('a user created and deleted between two runs leaves no record and counts no delete', { timeout: 60_000 }, async () => {
        const created = world.emulator.admin.users.create({ username: 'ephemeral.user', email: 'ephemeral@example.com' });
        world.emulator.admin.users.delete(String(created['id']));
        const report = expectSuccess(await world.harness.runSync('cc', 'users'));
        expect(report.counts).toEqual({ added: 0, updated: 0, deleted: 0 });
        expect(world.harness.records('cc', 'User', { limit: 2000 }).records.map((r) => r.id)).not.toContain(created['id']);
    });

    it('an update picked up by one run, then a delete in the next, ends deleted', { timeout: 60_000 }, async () => {
        const id = String(world.emulator.admin.users.at(50)!['id']);
        world.emulator.admin.users.update(id, { title: 'Short-lived title' });
        expectSuccess(await world.harness.runSync('cc', 'users'));
        expect(liveRecords<{ id: string; title?: string }>(world.harness, 'cc', 'User').find((u) => u.id === id)?.title).toBe('Short-lived title');
        world.emulator.admin.users.delete(id);
        const report = expectSuccess(await world.harness.runSync('cc', 'users'));
        expect(report.counts.deleted).toBe(1);
        expect(ids().has(id)).toBe(false);
    });

    it('moves and regroupings made through the API are picked up', { timeout: 60_000 }, async () => {
        const user = world.emulator.admin.users.at(60)!;
        const id = String(user['id']);
        const target = world.emulator.admin
            .directory()
            .populations.map((p) => String(p['id']))
            .find((p) => p !== (user['population'] as { id: string }).id)!;
        expect((await world.harness.runAction('cc', 'change-user-population', { id, populationId: target })).status).toBe('success');
        const group = String(world.emulator.admin.directory().groups[0]!['id']);
        expect((await world.harness.runAction('cc', 'add-user-to-group', { userId: id, groupId: group })).status).toBe('success');
        expectSuccess(await world.harness.runSync('cc', 'users'));
        expect(liveRecords<{ id: string; populationId?: string }>(world.harness, 'cc', 'User').find((u) => u.id === id)?.populationId).toBe(target);
    });

    it('an event stamped exactly at the checkpoint is read by the next run, even with no lookback', { timeout: 60_000 }, async () => {
        world.harness.store.metadata.set('cc', { auditLookbackMinutes: 0 });
        const at = Date.now() + 60_000;
        // Only Date is faked: the emulator (same process) stamps events with the time the script reads.
        vi.useFakeTimers({ toFake: ['Date'] });
        vi.setSystemTime(at);
        expectSuccess(await world.harness.runSync('cc', 'users'));
        expect(world.harness.store.checkpoints.get('cc', 'users')).toMatchObject({ changesSince: new Date(at).toISOString() });
        const id = String(world.emulator.admin.users.at(70)!['id']);
        world.emulator.admin.users.update(id, { title: 'Changed at the boundary' });
        vi.setSystemTime(at + 60_000);
        expectSuccess(await world.harness.runSync('cc', 'users'));
        expect(liveRecords<{ id: string; title?: string }>(world.harness, 'cc', 'User').find((u) => u.id === id)?.title).toBe('Changed at the boundary');
    });

    it('a run that fails after reading the audit log keeps its checkpoint; the next run reads the same changes', { timeout: 60_000 }, async () => {
        const before = world.harness.store.checkpoints.get('cc', 'users');
        const id = String(world.emulator.admin.users.at(80)!['id']);
        world.emulator.admin.users.update(id, { title: 'Read after a failure' });
        // The audit page is the first request; every re-read after it fails (500, on every retry).
        afterRequest = (requests) => {
            if (requests === 1) world.emulator.admin.setFaults({ errorRate: 1, errorStatuses: [500], scope: 'api' });
        };
        const failed = await world.harness.runSync('cc', 'users');
        afterRequest = undefined;
        world.emulator.admin.setFaults({});
        expect(failed.status).toBe('failed');
        expect(world.harness.store.checkpoints.get('cc', 'users')).toEqual(before);
        expectSuccess(await world.harness.runSync('cc', 'users'));
        expect(liveRecords<{ id: string; title?: string }>(world.harness, 'cc', 'User').find((u) => u.id === id)?.title).toBe('Read after a failure');
    });
});

describe('users full scan against a PingOne whose cursors are positions (a loopback server)', () => {
    const environmentId = '3f0c8a52-6b1d-4e7a-9c2f-1a2b3c4d5e6f';
    const userId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    let users: string[] = [];
    let shiftAfterFirstPage = false;
    let server: LoopbackServer;

    beforeAll(async () => {
        users = Array.from({ length: 250 }, (_, n) => userId(n));
        server = await startLoopbackServer((request: RecordedRequest, response: ServerResponse) => {
            response.setHeader('content-type', 'application/json');
            if (answeredToken(request.url, response)) return;
            const url = new URL(request.url, 'https://api.pingone.com');
            const one = /\/users\/([0-9a-f-]{36})$/.exec(url.pathname);
            if (one) {
                const found = users.includes(one[1]!);
                response.statusCode = found ? 200 : 404;
                response.end(JSON.stringify(found ? { id: one[1], username: one[1] } : { id: 'e', code: 'NOT_FOUND', message: 'not found' }));
                return;
            }
            if (url.pathname.endsWith('/populations')) {
                // One population: the scan's one cursor pages every user.
                response.end(JSON.stringify({ _embedded: { populations: [{ id: environmentId, name: 'Default' }] } }));
                return;
            }
            const position = Number(url.searchParams.get('cursor') ?? '0');
            const page = users.slice(position, position + 100);
            const next = position + 100 < users.length ? `https://api.pingone.com${url.pathname}?limit=100&cursor=${position + 100}` : undefined;
            // A user on the page just served is deleted: every later position moves up by one.
            if (position === 0 && shiftAfterFirstPage) users = users.slice(1);
            response.end(
                JSON.stringify({ _embedded: { users: page.map((id) => ({ id, username: id })) }, ...(next ? { _links: { next: { href: next } } } : {}) }),
            );
        });
        await connectLoopback(world.harness, 'positions', server.origin, environmentId);
    });
    afterAll(async () => server?.close());

    it('a user the paging skipped is read again and kept, not deleted', { timeout: 60_000 }, async () => {
        expectSuccess(await world.harness.runSync('positions', 'users', { full: true }));
        expect(liveRecords(world.harness, 'positions', 'User')).toHaveLength(250);
        shiftAfterFirstPage = true;
        const skipped = userId(100);
        const report = expectSuccess(await world.harness.runSync('positions', 'users', { full: true }));
        expect(server.requests.map((r) => r.url)).toContainEqual(expect.stringContaining(`/users/${skipped}`));
        const live = liveRecords<{ id: string }>(world.harness, 'positions', 'User').map((u) => u.id);
        expect(live).toContain(skipped);
        // The user deleted mid-scan was seen on the first page; the audit log removes it later.
        expect(live).toHaveLength(250);
        expect(report.status).toBe('success');
    });
});
