// `pingone-connector listen`: the local endpoint for PingOne's webhook deliveries. With --subscribe it
// makes the subscription, stores the users each delivery names as it arrives, and deletes the
// subscription when stopped; the secret never shows in its output.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openHarness } from '../../src/harness/index.js';
import { runCli } from '../support/cli.js';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { harnessOnEmulator, liveRecords, temporaryDatabase } from '../support/harness.js';

const secret = 'listen-test-secret-6f1d2c';
const db = temporaryDatabase();
let emulator: TestEmulator;

beforeAll(async () => {
    emulator = await startTestEmulator();
    // The connection is all this harness leaves behind: the command runs the package's own scripts.
    const harness = await harnessOnEmulator(emulator, 'cc', db);
    // Scoped to the default population: the subscription then asks for that population's events only.
    harness.store.metadata.set('cc', { populationIds: [defaultPopulation()] });
    await harness.close();
});
afterAll(async () => emulator?.close());

function defaultPopulation(): string {
    return String(emulator.admin.directory().populations.find((population) => population['default'] === true)?.['id']);
}

async function subscriptions(): Promise<Array<{ filterOptions: { includedPopulations?: Array<{ id: string }> } }>> {
    const response = await fetch(`${emulator.url}/v1/environments/${emulator.environmentId}/subscriptions`, {
        headers: { authorization: `Bearer ${await emulator.workerToken()}` },
    });
    return ((await response.json()) as { _embedded: { subscriptions: [] } })._embedded.subscriptions;
}

async function subscriptionCount(): Promise<number> {
    return (await subscriptions()).length;
}

async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (!(await condition())) {
        if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}

describe('listen', () => {
    it('without --subscribe needs PINGONE_WEBHOOK_SECRET (exit 2)', async () => {
        const result = await runCli(['listen', 'cc', '--db', db], { env: { PATH: process.env['PATH'] } });
        expect(result.code).toBe(2);
        expect(result.stderr).toContain('PINGONE_WEBHOOK_SECRET');
    });

    it('--subscribe: creates the subscription, stores a created user as its delivery arrives, and deletes the subscription on exit', async () => {
        const stop = new AbortController();
        let stderr = '';
        const running = runCli(['listen', 'cc', '--subscribe', '--db', db], {
            env: { PATH: process.env['PATH'], PINGONE_WEBHOOK_SECRET: secret },
            signal: stop.signal,
            onStderr: (text) => (stderr = text),
        });
        await until(async () => (await subscriptionCount()) === 1, 'the subscription');
        expect((await subscriptions())[0]?.filterOptions.includedPopulations).toEqual([{ id: defaultPopulation() }]);
        const user = emulator.admin.users.create({ username: 'listened.user', email: 'listened@example.com' });
        await until(() => stderr.includes('sync users:webhook on cc: success'), 'the delivery run');
        stop.abort();
        const result = await running;
        expect(result.code).toBe(0);
        expect(await subscriptionCount()).toBe(0);
        expect(`${result.stdout}${result.stderr}`).not.toContain(secret);

        const harness = openHarness({ dbPath: db, env: {} });
        try {
            expect(liveRecords(harness, 'cc', 'User').map((record) => record['id'])).toContain(user['id']);
        } finally {
            await harness.close();
        }
    });
});
