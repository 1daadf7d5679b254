// PingOne's refusals become typed errors a person can act on, and paging never follows a next link
// off the connection's API origin.
import type { ServerResponse } from 'node:http';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startLoopbackServer, type LoopbackServer, type RecordedRequest } from '../support/loopback-server.js';
import { answeredToken, connectLoopback, connectWorker, expectSuccess, liveRecords, openScriptsWorld, type ScriptsWorld } from './world.js';

let world: ScriptsWorld;
beforeAll(async () => {
    world = await openScriptsWorld();
    const readOnly = world.emulator.admin.createApplication({ name: 'Read-only worker', type: 'WORKER', roles: ['Identity Data Read Only'] });
    await connectWorker(world, 'readonly', readOnly);
});
afterAll(async () => world?.close());

describe('PingOne errors', () => {
    it('a write without the role fails as missing_role, naming the roles that allow it and carrying PingOne’s codes', async () => {
        const before = world.emulator.admin.users.count();
        const report = await world.harness.runAction('readonly', 'create-user', { username: 'not.allowed', email: 'not.allowed@example.com' });
        expect(report.status).toBe('failed');
        const payload = (report.error as { payload: Record<string, unknown> }).payload;
        expect(payload).toMatchObject({ code: 'missing_role', pingone: { status: 403, code: 'ACCESS_FAILED' } });
        expect(String(payload['message'])).toContain('Identity Data Admin or Environment Admin');
        expect(world.emulator.admin.users.count()).toBe(before);
    });

    it('a read the role allows succeeds with the same connection', async () => {
        expectSuccess(await world.harness.runSync('readonly', 'populations'));
        expect(liveRecords(world.harness, 'readonly', 'Population').length).toBe(world.emulator.admin.directory().populations.length);
    });
});

describe('HAL paging', () => {
    let server: LoopbackServer;
    const environmentId = '0c5a3b5e-1d2f-4a6b-9c8d-7e6f5a4b3c2d';
    beforeAll(async () => {
        server = await startLoopbackServer((request: RecordedRequest, response: ServerResponse) => {
            response.setHeader('content-type', 'application/json');
            if (answeredToken(request.url, response)) return;
            response.end(
                JSON.stringify({
                    _embedded: { groups: [{ id: '5d1b7e0a-9c4f-4e21-8a3b-2f6c7d8e9a01', name: 'Only page' }] },
                    _links: { next: { href: `https://evil.example/v1/environments/${environmentId}/groups?cursor=abc` } },
                }),
            );
        });
        await connectLoopback(world.harness, 'hostile', server.origin, environmentId);
    });
    afterAll(async () => server?.close());

    it('refuses a next link on another origin: the page is asked for again, then the run fails; nothing is requested there, nothing is saved', async () => {
        const report = await world.harness.runSync('hostile', 'groups');
        expect(report.status).toBe('failed');
        expect((report.error as { payload?: { code?: string } }).payload?.code).toBe('unexpected_response');
        // The first page and its three retries: a page whose next link leaves the listing is a fault, not data.
        expect(server.requests.map((r) => r.url).filter((url) => !url.includes('/as/token'))).toEqual(
            Array.from({ length: 4 }, () => expect.stringContaining(`/v1/environments/${environmentId}/groups?`)),
        );
        expect(liveRecords(world.harness, 'hostile', 'Group')).toEqual([]);
    });
});
