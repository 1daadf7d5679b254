// The users sync kept current by PingOne's webhook deliveries alone: the emulator delivers each user
// event to a local listener (the `listen` command's), which runs the sync's onWebhook. No poll runs
// after the first scan, yet the store follows creates, updates and deletes within seconds; a lost
// delivery (an emulator fault, or the listener down) is caught by the next poll.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { USER_EVENT_TYPES } from '../../connectors/shared/user-events.js';
import type { RunReport } from '../../src/harness/index.js';
import { startWebhookListener, type WebhookListener } from '../../src/harness/webhook-listener.js';
import { expectSuccess, liveRecords, openScriptsWorld, type ScriptsWorld } from './world.js';

const secret = randomBytes(24).toString('base64url');
let world: ScriptsWorld;
let listener: WebhookListener;
const deliveries: RunReport[] = [];
const refusals: number[] = [];

async function listen(port = 0): Promise<WebhookListener> {
    return startWebhookListener({
        harness: world.harness,
        connection: 'cc',
        sync: 'users',
        secret,
        port,
        onDelivery: (outcome) => ('report' in outcome ? deliveries.push(outcome.report) : refusals.push(outcome.refused)),
    });
}

beforeAll(async () => {
    world = await openScriptsWorld();
    expectSuccess(await world.harness.runSync('cc', 'users'));
    listener = await listen();
    expectSuccess(
        await world.harness.runAction('cc', 'create-subscription', {
            name: 'users sync',
            url: listener.url,
            headers: { Authorization: `Bearer ${secret}` },
            actionTypes: [...USER_EVENT_TYPES],
        }),
    );
});
afterAll(async () => {
    await listener?.close();
    await world?.close();
});

function stored(id: string): Record<string, unknown> | undefined {
    return liveRecords<Record<string, unknown>>(world.harness, 'cc', 'User').find((user) => user['id'] === id);
}

/** Polls the store (never PingOne) until `check` holds, for at most 5 seconds. */
async function storeFollows(check: () => boolean, what: string): Promise<void> {
    const deadline = Date.now() + 5_000;
    while (!check()) {
        if (Date.now() > deadline) throw new Error(`The store did not follow within 5 s: ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
    }
}

describe('users sync by webhook', () => {
    it('follows a create, an update and a delete from deliveries alone, with no poll run', async () => {
        const runsBefore = world.harness.store.runs.recent({ connection: 'cc', limit: 100 }).filter((run) => run.script === 'users').length;
        const user = world.emulator.admin.users.create({ username: 'pushed.user', email: 'pushed@example.com' });
        const id = String(user['id']);
        await storeFollows(() => stored(id) !== undefined, 'the created user');

        world.emulator.admin.users.update(id, { title: 'Pushed' });
        await storeFollows(() => stored(id)?.['title'] === 'Pushed', 'the updated title');

        world.emulator.admin.users.delete(id);
        await storeFollows(() => stored(id) === undefined, 'the deleted user');

        const runs = world.harness.store.runs.recent({ connection: 'cc', limit: 100 });
        expect(runs.filter((run) => run.script === 'users')).toHaveLength(runsBefore);
        expect(runs.some((run) => run.script === 'users:webhook' && run.status === 'success')).toBe(true);
        expect(world.logs.join('\n')).not.toContain(secret);
    });

    it('refuses a delivery without the secret and stores nothing from it', async () => {
        const victim = world.emulator.admin.users.at(3)!;
        const forged = [{ action: { type: 'USER.DELETED' }, resources: [{ type: 'USER', id: victim['id'] }] }];
        for (const authorization of [undefined, 'Bearer wrong-secret']) {
            const response = await fetch(listener.url, {
                method: 'POST',
                headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
                body: JSON.stringify(forged),
            });
            expect(response.status).toBe(401);
        }
        expect(refusals).toEqual([401, 401]);
        expect(stored(String(victim['id']))).toBeDefined();
    });

    it('never deletes a user an event calls deleted while PingOne still has them', async () => {
        const alive = world.emulator.admin.users.at(4)!;
        const response = await fetch(listener.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
            body: JSON.stringify([{ action: { type: 'USER.DELETED' }, resources: [{ type: 'USER', id: alive['id'] }] }]),
        });
        expect(response.status).toBe(200);
        expect(stored(String(alive['id']))).toBeDefined();
    });

    it('a delivery the emulator loses is caught by the next poll run', async () => {
        world.emulator.webhooks.loseNext(1);
        const user = world.emulator.admin.users.create({ username: 'lost.event', email: 'lost@example.com' });
        const id = String(user['id']);
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect(stored(id)).toBeUndefined();
        expect(world.emulator.webhooks.stats().lost).toBe(1);
        expectSuccess(await world.harness.runSync('cc', 'users'));
        expect(stored(id)).toBeDefined();
    });

    it('with the listener down, the next poll catches the change, and PingOne delivers it once the listener is back', async () => {
        const port = Number(new URL(listener.url).port);
        await listener.close();
        const user = world.emulator.admin.users.at(5)!;
        const id = String(user['id']);
        world.emulator.admin.users.update(id, { title: 'While down' });
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(stored(id)?.['title']).not.toBe('While down');
        expectSuccess(await world.harness.runSync('cc', 'users'));
        expect(stored(id)?.['title']).toBe('While down');

        const failedBefore = world.emulator.webhooks.stats().failed;
        expect(failedBefore).toBeGreaterThan(0);
        const delivered = deliveries.length;
        listener = await listen(port);
        await storeFollows(() => deliveries.length > delivered, 'the retried delivery');
        expect(deliveries.at(-1)?.status).toBe('success');
    });
});
