import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openHarness } from '../../src/harness/index.js';
import type { ConnectUi } from '../../src/connect-ui/index.js';
import { startStack, type ConnectUiStack } from './fixture.js';
import { getConnector } from '../../connectors/registry.generated.js';
import { buildFormModel } from '../../src/connect-ui/form-model.js';
import { fillWithKeyboard, focusedId } from './keyboard.js';
import { expectNoAxeViolations, expectPlainSentences } from './page-checks.js';
import { saveScreenshot } from './screenshots.js';

// Test and save, end to end: Chromium fills the form, the Connect UI server tests the connection
// through the real HTTP and OAuth layers against the emulator, and saves it in a real store.
// Each failure is a real PingOne condition set up in the emulator.

const pasteLabel = 'Paste an address from PingOne';

let stack: ConnectUiStack;
let ui: ConnectUi;
/** Every body the page received, to prove that no secret ever comes back. */
const received: string[] = [];

beforeAll(async () => {
    stack = await startStack('client-credentials');
    ui = await stack.startUi('pingone-cc');
});
afterAll(() => stack?.close());

interface Credentials {
    environmentId?: string;
    tld?: string;
    clientId: string;
    clientSecret: string;
}

async function openForm(): Promise<Page> {
    const page = await stack.newPage();
    page.on('response', (response) => {
        void response.text().then(
            (body) => received.push(body),
            () => undefined,
        );
    });
    await page.goto(ui.url);
    return page;
}

async function fill(page: Page, credentials: Credentials): Promise<void> {
    const { emulator } = stack;
    await page
        .getByLabel(pasteLabel)
        .fill(`https://auth.pingone.${credentials.tld ?? emulator.tld}/${credentials.environmentId ?? emulator.environmentId}/as/token`);
    await page.locator('#field-credentials-clientId').fill(credentials.clientId);
    await page.locator('#field-credentials-clientSecret').fill(credentials.clientSecret);
}

async function testConnection(page: Page): Promise<{ title: string; detail: string }> {
    await page.getByRole('button', { name: 'Test and save' }).click();
    const result = page.locator('#result');
    await expect.poll(() => result.getAttribute('class'), { timeout: 20_000 }).toMatch(/result (ok|problem)/);
    const outcome = { title: (await result.locator('.result-title').textContent()) ?? '', detail: (await result.textContent()) ?? '' };
    for (const paragraph of await result.locator('p').allTextContents()) expectPlainSentences(paragraph);
    return outcome;
}

function savedConnection(name: string) {
    const harness = openHarness({ dbPath: stack.storePath, env: {} });
    try {
        return harness.connections.get(name);
    } finally {
        void harness.close();
    }
}

describe('Test and save with client credentials', () => {
    it('connects with the Worker app, saves the connection in the store and says so', async () => {
        const page = await openForm();
        await fill(page, stack.emulator.worker);
        const outcome = await testConnection(page);
        expect(outcome.title).toBe(`Connected. Saved as the connection "acme".`);
        // Words for the admin at the browser; the database path and the next command go to the terminal.
        expect(outcome.detail).toContain('You can close this tab.');
        expect(outcome.detail).not.toContain(stack.storePath);
        expect(outcome.detail).not.toContain('pingone-connector');
        const saved = savedConnection('acme');
        expect(saved).toMatchObject({
            provider: 'pingone-cc',
            config: { environmentId: stack.emulator.environmentId, tld: stack.emulator.tld },
            emulatorUrl: stack.emulator.url,
            credentials: { clientId: stack.emulator.worker.clientId, hasClientSecret: true },
        });
        await expectNoAxeViolations(page, 'connected');
        await saveScreenshot(page, 'connect-ui-connected');
    });

    it('finds the authentication method of an application set to Client Secret Basic (Post, the default, tried first), and saves it', async () => {
        const app = stack.emulator.admin.createApplication({ roles: ['Environment Admin'], tokenEndpointAuthMethod: 'CLIENT_SECRET_BASIC' });
        const page = await openForm();
        await fill(page, app);
        // Saving replaces the connection saved under that name: the form says so before and after.
        expect(await page.locator('.intro').textContent()).toContain('A connection named acme is saved already: connecting replaces it.');
        const outcome = await testConnection(page);
        expect(outcome.title).toBe(`Connected. Saved as the connection "acme", replacing the one saved before under that name.`);
        expect(outcome.detail).toContain('The application uses Client Secret Basic.');
        expect(savedConnection('acme')).toMatchObject({ authMethod: 'client_secret_basic', credentials: { clientId: app.clientId } });
    });

    it('can be completed with the keyboard alone', async () => {
        const page = await openForm();
        const { emulator } = stack;
        await fillWithKeyboard(page, emulator, emulator.worker);
        const result = page.locator('#result');
        await expect.poll(() => result.getAttribute('class'), { timeout: 20_000 }).toBe('result ok');
        // The outcome takes focus, so that a screen reader announces it.
        expect(await focusedId(page)).toBe('result');
    });

    describe('explains each failure in plain words and saves nothing', () => {
        it('a wrong client secret', async () => {
            const page = await openForm();
            await fill(page, { ...stack.emulator.worker, clientSecret: `${stack.emulator.worker.clientSecret}x`, environmentId: stack.emulator.environmentId });
            const outcome = await testConnection(page);
            expect(outcome.detail).toMatch(/client ID (or|and) (client )?secret/i);
            // The console's one name for where the secret is, and a link to the guide section that shows it.
            expect(outcome.detail).toContain("application's Overview tab");
            const secretField = buildFormModel(getConnector('pingone-cc')).fields.find((field) => field.key === 'clientSecret')!;
            expect(
                await page
                    .locator('#result')
                    .getByRole('link', { name: `Where do I find the ${secretField.title}?` })
                    .getAttribute('href'),
            ).toBe(secretField.helpUrl);
            await expectNoAxeViolations(page, 'wrong secret');
            await saveScreenshot(page, 'connect-ui-wrong-secret');
            expect(savedConnection('acme')?.credentials.clientId).toBe(stack.emulator.worker.clientId);
        });

        it('a disabled application', async () => {
            const app = stack.emulator.admin.createApplication({ roles: ['Environment Admin'], enabled: false });
            const page = await openForm();
            await fill(page, app);
            expect((await testConnection(page)).detail).toMatch(/disabled/i);
            expect(savedConnection('acme')?.credentials.clientId).not.toBe(app.clientId);
        });

        it('a token endpoint authentication method that is not allowed, naming the one to pick', async () => {
            const app = stack.emulator.admin.createApplication({ roles: ['Environment Admin'], tokenEndpointAuthMethod: 'NONE' });
            const page = await openForm();
            await fill(page, app);
            expect((await testConnection(page)).detail).toMatch(/Client Secret (Basic|Post)/);
        });

        it('an environment that is not in the chosen region, suggesting the others', async () => {
            // The emulator plays one region; PingOne's hosts of another region answer 404 NOT_FOUND
            // for its environment, to the token request too, as PingOne's other regions do.
            const otherRegion = stack.emulator.tld === 'eu' ? 'com' : 'eu';
            const regionUi = await stack.startUi('pingone-cc', 'elsewhere');
            const page = await stack.newPage();
            await page.goto(regionUi.url);
            await fill(page, { ...stack.emulator.worker, tld: otherRegion });
            const outcome = await testConnection(page);
            expect(outcome.title).toContain(`has no environment ${stack.emulator.environmentId}`);
            expect(outcome.detail).toContain('try the other regions');
            expect(outcome.detail).toContain(stack.emulator.tld === 'eu' ? 'European Union (eu)' : 'North America (com)');
            expect(await page.locator('#field-connectionConfig-environmentId').getAttribute('aria-invalid')).toBe('true');
            expect(savedConnection('elsewhere')).toBeUndefined();
        });

        it('a missing role, naming the role', async () => {
            const app = stack.emulator.admin.createApplication({ roles: [] });
            const page = await openForm();
            await fill(page, app);
            expect((await testConnection(page)).detail).toMatch(/Identity Data Read Only|Environment Admin/);
        });
    });

    it('never sent a client secret back to the page', () => {
        expect(received.length).toBeGreaterThan(10);
        const secrets = [stack.emulator.worker.clientSecret];
        for (const body of received) for (const secret of secrets) expect(body).not.toContain(secret);
    });
});
