// Fan-out syncs (one request per user or group) against an emulator with a tight rate limit: paced
// below it they never see a 429; paced above it they still finish, the 429s retried after Retry-After.
// And against a slow loopback server, which counts what it serves at once: a few requests in
// parallel, never more than the fan-out's bound, and none started once one has failed.
import type { ServerResponse } from 'node:http';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { sendJson, startLoopbackServer, type RecordedRequest } from '../support/loopback-server.js';
import { answeredToken, connectLoopback, expectSuccess, liveRecords, openScriptsWorld, type ScriptsWorld } from './world.js';

let world: ScriptsWorld;
beforeAll(async () => {
    world = await openScriptsWorld({ users: 40 });
    world.emulator.admin.setRateLimit({ requestsPerSecond: 20, burst: 4 });
});
afterAll(async () => world?.close());

describe('fan-out syncs under a rate limit', () => {
    it('stay under it when maxRequestsPerSecond (connection metadata) is below the limit: no 429 at all', { timeout: 180_000 }, async () => {
        world.harness.store.metadata.set('cc', { maxRequestsPerSecond: 10 });
        try {
            world.emulator.admin.resetStats();
            expectSuccess(await world.harness.runSync('cc', 'mfa-devices'));
            expect(world.emulator.admin.stats().status429).toBe(0);
        } finally {
            world.harness.store.metadata.set('cc', {});
        }
    });

    it('finish without failing when paced above it: the 429s are retried', { timeout: 180_000 }, async () => {
        world.emulator.admin.resetStats();
        const report = expectSuccess(await world.harness.runSync('cc', 'user-role-assignments'));
        console.log(
            `user-role-assignments at 20 req/s: ${report.requests} requests, ${world.emulator.admin.stats().status429} answered 429, ${report.retries} retries`,
        );
        expect(world.emulator.admin.stats().status429).toBeGreaterThan(0);
        expect(liveRecords(world.harness, 'cc', 'UserRoleAssignment').length).toBeGreaterThan(0);
    });
});

describe('fan-out concurrency', () => {
    it("mfa-devices reads several users' devices at once, never more than 4", { timeout: 60_000 }, async () => {
        const environmentId = '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d';
        const users = Array.from({ length: 20 }, (_, n) => ({ id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, username: `user${n}` }));
        const server = await startLoopbackServer(async (request: RecordedRequest, response: ServerResponse) => {
            response.setHeader('content-type', 'application/json');
            if (answeredToken(request.url, response)) return;
            if (request.url.includes('/devices')) {
                // Slow enough that parallel requests overlap on any machine.
                await new Promise((resolve) => setTimeout(resolve, 150));
                response.end(JSON.stringify({ _embedded: { devices: [{ id: '7e0f1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b', type: 'EMAIL' }] } }));
                return;
            }
            response.end(JSON.stringify({ _embedded: { users } }));
        });
        try {
            await connectLoopback(world.harness, 'slow', server.origin, environmentId);
            expectSuccess(await world.harness.runSync('slow', 'mfa-devices'));
            expect(server.requests.filter((r) => r.url.includes('/devices'))).toHaveLength(20);
            expect(server.maxInFlight).toBeGreaterThan(1);
            expect(server.maxInFlight).toBeLessThanOrEqual(4);
        } finally {
            await server.close();
        }
    });

    it('mfa-devices starts no request after one has failed, not even one already waiting for its pacing slot', { timeout: 60_000 }, async () => {
        const environmentId = '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9e';
        const users = Array.from({ length: 8 }, (_, n) => ({ id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, username: `user${n}` }));
        const server = await startLoopbackServer((request: RecordedRequest, response: ServerResponse) => {
            response.setHeader('content-type', 'application/json');
            if (answeredToken(request.url, response)) return;
            if (request.url.includes('/devices')) {
                sendJson(response, 403, { id: 'x', code: 'ACCESS_FAILED', message: 'You do not have access to this resource.' });
                return;
            }
            sendJson(response, 200, { _embedded: { users } });
        });
        try {
            await connectLoopback(world.harness, 'failing', server.origin, environmentId);
            // 4 a second: four workers, the three behind the first waiting 250, 500 and 750 ms for their slots.
            world.harness.store.metadata.set('failing', { maxRequestsPerSecond: 4 });
            const report = await world.harness.runSync('failing', 'mfa-devices');
            expect(report.status).toBe('failed');
            // Past the last slot a worker was waiting for.
            await new Promise((resolve) => setTimeout(resolve, 1000));
            expect(server.requests.filter((r) => r.url.includes('/devices'))).toHaveLength(1);
        } finally {
            await server.close();
        }
    });
});
