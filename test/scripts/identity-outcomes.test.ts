// How the identity actions end when things go wrong: a send that may have reached PingOne is never
// sent again (outcome_unknown, with what to check); a loop over a user's sessions says exactly how
// far it got (partially_done); reading sessions needs the roles PingOne documents for it.
import type { ServerResponse } from 'node:http';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { startLoopbackServer, type LoopbackServer, type RecordedRequest } from '../support/loopback-server.js';
import { answeredToken, connectLoopback, connectWorkerWithRoles, openScriptsWorld, type ScriptsWorld } from './world.js';

let world: ScriptsWorld;
beforeAll(async () => {
    world = await openScriptsWorld();
    await connectWorkerWithRoles(world, 'readonly', ['Identity Data Read Only']);
});
afterAll(async () => world?.close());
afterEach(() => world.emulator.admin.setFaults({}));

const newUser = (name: string) =>
    String(world.emulator.admin.users.create({ username: name, email: `${name}@example.com`, password: 'Outcome-Passw0rd!' })['id']);

/** Management API requests that reached the emulator since its stats were reset (faulted ones included). */
function apiRequests(): number {
    const stats = world.emulator.admin.stats();
    return stats.requests - stats.tokenRequests;
}

const ONE_SHOT: Array<{ action: string; input: (id: string) => unknown; check: string }> = [
    { action: 'send-user-verification-code', input: (id) => ({ id }), check: 'verification email' },
    {
        action: 'verify-user',
        // A code PingOne accepts, so that the request is applied before the connection breaks.
        input: async (id) => {
            await world.harness.runAction('cc', 'send-user-verification-code', { id });
            return { id, verificationCode: world.emulator.admin.identity.sentCode('verification', id)?.code };
        },
        check: 'lifecycleStatus',
    },
    { action: 'send-password-recovery', input: (id) => ({ id }), check: 'recovery email' },
    { action: 'send-email-verification', input: (id) => ({ id }), check: 'email arrived' },
    { action: 'lock-user-account', input: (id) => ({ id, unlockAt: new Date(Date.now() + 3_600_000).toISOString() }), check: 'accountStatus' },
    { action: 'unlock-user-account', input: (id) => ({ id }), check: 'accountStatus' },
];

describe('a one-shot operation whose connection broke after it was sent', () => {
    it.each(ONE_SHOT)('$action fails with outcome_unknown, names what to check, and is sent once', async ({ action, input, check }) => {
        const id = newUser(`cut.${action}`);
        const actionInput = await input(id);
        world.emulator.admin.resetStats();
        world.emulator.admin.setFaults({ cutAfterActRate: 1, scope: 'api' });
        const report = await world.harness.runAction('cc', action, actionInput);
        world.emulator.admin.setFaults({});
        expect(report.status).toBe('failed');
        expect(report.error?.payload).toMatchObject({ code: 'outcome_unknown' });
        expect(report.error?.hint).toContain(check);
        expect(apiRequests()).toBe(1);
    });

    it('the verification code is never echoed in an error', async () => {
        const id = newUser('secret.code');
        const report = await world.harness.runAction('cc', 'verify-user', { id, verificationCode: 'SECRET99' });
        expect(report.status).toBe('failed');
        expect(JSON.stringify(report)).not.toContain('SECRET99');
        expect(world.logs.join('\n')).not.toContain('SECRET99');
    });
});

describe('sessions and roles', () => {
    it('an app with Identity Data Read Only cannot list sessions: missing_role names the Identity Data Admin', async () => {
        const id = newUser('sessions.readonly');
        const report = await world.harness.runAction('readonly', 'list-user-sessions', { id });
        expect(report.status).toBe('failed');
        const payload = (report.error as { payload: Record<string, unknown> }).payload;
        expect(payload).toMatchObject({ code: 'missing_role', pingone: { status: 403 } });
        expect(String(payload['message'])).toContain('Identity Data Admin');
    });
});

describe('revoke-user-sessions when a delete fails half-way', () => {
    let server: LoopbackServer;
    const environmentId = '0c5a3b5e-1d2f-4a6b-9c8d-7e6f5a4b3c2d';
    const userId = '6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b';
    const sessions = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333'];
    beforeAll(async () => {
        server = await startLoopbackServer((request: RecordedRequest, response: ServerResponse) => {
            response.setHeader('content-type', 'application/json');
            if (answeredToken(request.url, response)) return;
            if (request.method === 'GET') {
                response.end(JSON.stringify({ _embedded: { sessions: sessions.map((id) => ({ id })) }, count: 3, size: 3 }));
                return;
            }
            // The first session is gone already (expired), the second deletes, the third is refused.
            const status = request.url.endsWith(sessions[0] as string) ? 404 : request.url.endsWith(sessions[1] as string) ? 204 : 403;
            response.statusCode = status;
            response.end(status === 204 ? '' : JSON.stringify({ id: 'e', code: status === 404 ? 'NOT_FOUND' : 'ACCESS_FAILED', message: 'No.' }));
        });
        await connectLoopback(world.harness, 'halfway', server.origin, environmentId);
    });
    afterAll(async () => server?.close());

    it('fails as partially_done with what it deleted, what was gone, the failure and what it did not try', async () => {
        const report = await world.harness.runAction('halfway', 'revoke-user-sessions', { id: userId });
        expect(report.status).toBe('failed');
        expect(report.error?.payload).toMatchObject({
            code: 'partially_done',
            deleted: [sessions[1]],
            alreadyGone: [sessions[0]],
            failed: { id: sessions[2], code: 'missing_role' },
            notAttempted: [],
        });
        const deletes = server.requests.filter((request) => request.method === 'DELETE').map((request) => request.url);
        expect(deletes).toEqual(sessions.map((id) => expect.stringContaining(`/users/${userId}/sessions/${id}`)));
    });
});
