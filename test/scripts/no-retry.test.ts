// Requests that are not idempotent (create a user, set a password, add a membership, assign a role)
// go to PingOne once: after an answer that other requests would retry (503), or a connection that
// broke after the request was sent, the action fails and nothing is sent again. The emulator counts
// every request that reached it. A read under the same fault is retried, proving the fault retryable.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import type { FaultSettings } from '../../src/emulator/index.js';
import { openScriptsWorld, type ScriptsWorld } from './world.js';

let world: ScriptsWorld;
beforeAll(async () => {
    world = await openScriptsWorld();
});
afterAll(async () => world?.close());
afterEach(() => world.emulator.admin.setFaults({}));

const FAULTS: { name: string; faults: FaultSettings }[] = [
    { name: '503 with Retry-After', faults: { errorRate: 1, errorStatuses: [503], scope: 'api' } },
    { name: 'a connection dropped without an answer', faults: { dropRate: 1, scope: 'api' } },
];

const user = (n: number) => String(world.emulator.admin.users.at(n)!['id']);
const group = () => String(world.emulator.admin.directory().groups[0]!['id']);

const WRITES: { action: string; input: () => unknown }[] = [
    { action: 'create-user', input: () => ({ username: 'once.only', email: 'once@example.com' }) },
    {
        action: 'set-user-password',
        input: () => ({ id: user(1), password: 'Once-0nly-Passw0rd!' }),
    },
    {
        action: 'add-user-to-group',
        input: () => ({ userId: user(2), groupId: group() }),
    },
    {
        action: 'assign-role',
        input: () => ({ userId: user(3), roleId: '00000000-0000-4000-8000-000000000000' }),
    },
];

/** Management API requests that reached the emulator since its stats were reset (faulted ones included). */
function apiRequests(): number {
    const stats = world.emulator.admin.stats();
    return stats.requests - stats.tokenRequests;
}

describe.each(FAULTS)('under $name', ({ faults }) => {
    it.each(WRITES)('$action is sent once and fails', async ({ action, input }) => {
        const actionInput = input();
        // A first call warms the connection's token, so that the faults meet the write itself.
        await world.harness.runAction('cc', 'get-user', { id: user(0) });
        world.emulator.admin.resetStats();
        world.emulator.admin.setFaults(faults);
        const report = await world.harness.runAction('cc', action, actionInput);
        world.emulator.admin.setFaults({});
        expect(report.status).toBe('failed');
        expect(apiRequests()).toBe(1);
        expect(report.retries).toBe(0);
    });

    it('update-user, a PATCH its script declares safe to repeat (retries: 3), is retried under the same fault', { timeout: 60_000 }, async () => {
        await world.harness.runAction('cc', 'get-user', { id: user(0) });
        world.emulator.admin.resetStats();
        world.emulator.admin.setFaults(faults);
        const report = await world.harness.runAction('cc', 'update-user', { id: user(4), title: 'Retried' });
        world.emulator.admin.setFaults({});
        expect(report.status).toBe('failed');
        expect(apiRequests()).toBe(4);
        expect(report.retries).toBe(3);
    });

    it('get-user under the same fault is retried (the fault is one that reads retry)', { timeout: 60_000 }, async () => {
        await world.harness.runAction('cc', 'get-user', { id: user(0) });
        world.emulator.admin.resetStats();
        world.emulator.admin.setFaults(faults);
        const report = await world.harness.runAction('cc', 'get-user', { id: user(0) });
        world.emulator.admin.setFaults({});
        expect(report.status).toBe('failed');
        expect(apiRequests()).toBeGreaterThan(1);
    });
});
