import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openHarness } from '../../src/harness/index.js';
import { getConnector } from '../../connectors/registry.generated.js';
import type { ConnectUi } from '../../src/connect-ui/index.js';
import { startStack, type ConnectUiStack } from './fixture.js';
import { fillWithKeyboard, focusedId } from './keyboard.js';
import { expectNoAxeViolations, expectPlainSentences } from './page-checks.js';
import { saveScreenshot } from './screenshots.js';

// "Connect with PingOne" for the `pingone` provider: Chromium leaves the form for the emulator's
// sign-on page (the browser URL is mapped from auth.pingone.<tld> to the emulator), signs on as the
// seeded admin, and PingOne's redirect brings it back to the form, where the server has exchanged
// the code (PKCE, state) and saved the connection.

let stack: ConnectUiStack;
let ui: ConnectUi;

beforeAll(async () => {
    stack = await startStack('authorization-code');
    ui = await stack.startUi('pingone', 'admin-console');
});
afterAll(() => stack?.close());

/** Every body the browser received from the Connect UI, to prove that no secret comes back. */
const fromConnectUi: string[] = [];

async function startSignOn(page: Page, app: { clientId: string; clientSecret: string } = stack.emulator.adminSignOn): Promise<void> {
    await sendForm(page, app);
    await page.waitForURL((url) => url.origin === stack.emulator.url);
}

/** Opens the form, fills it in for `app` and presses "Connect with PingOne". */
async function sendForm(page: Page, app: { clientId: string; clientSecret: string }): Promise<void> {
    const { emulator } = stack;
    page.on('response', (response) => {
        if (new URL(response.url()).origin !== ui.origin) return;
        void response.text().then(
            (body) => fromConnectUi.push(body),
            () => undefined,
        );
    });
    await page.goto(ui.url);
    await page.getByLabel('Paste an address from PingOne').fill(`https://auth.pingone.${emulator.tld}/${emulator.environmentId}/as/authorize`);
    await page.locator('#field-credentials-clientId').fill(app.clientId);
    const secret = page.locator('#field-credentials-clientSecret');
    if ((await secret.count()) > 0) await secret.fill(app.clientSecret);
    await page.getByRole('button', { name: 'Connect with PingOne' }).click();
}

async function signOn(page: Page): Promise<void> {
    await page.getByLabel('Username').fill(stack.emulator.signOnUser.username);
    await page.getByLabel('Password').fill(stack.emulator.signOnUser.password);
    await page.getByRole('button', { name: 'Sign On' }).click();
}

async function resultOf(page: Page): Promise<{ kind: string; text: string }> {
    await page.waitForURL((url) => url.origin === ui.origin);
    const result = page.locator('#result');
    await expect.poll(() => result.getAttribute('class'), { timeout: 20_000 }).toMatch(/result (ok|problem)/);
    for (const paragraph of await result.locator('p').allTextContents()) expectPlainSentences(paragraph);
    return { kind: (await result.getAttribute('class'))!, text: (await result.textContent()) ?? '' };
}

/** The form as it came back: what the user had typed, and the secret field empty. */
async function expectFormKept(page: Page, clientId: string): Promise<void> {
    expect(await page.locator('#field-connectionConfig-environmentId').inputValue()).toBe(stack.emulator.environmentId);
    expect(await page.locator('#field-connectionConfig-tld').inputValue()).toBe(stack.emulator.tld);
    expect(await page.locator('#field-credentials-clientId').inputValue()).toBe(clientId);
    expect(await page.locator('#field-credentials-clientSecret').inputValue()).toBe('');
}

describe('Connect with PingOne (authorization code)', () => {
    it('signs on at the emulator, comes back to the form connected, and saves the connection with its refresh token', async () => {
        const page = await stack.newPage();
        await startSignOn(page);
        const authorize = new URL(page.url());
        expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
        expect(authorize.searchParams.get('state')).toMatch(/^[\w-]{32,}$/);
        expect(authorize.searchParams.get('redirect_uri')).toBe(ui.redirectUri);
        await signOn(page);
        const outcome = await resultOf(page);
        expect(outcome.kind).toBe('result ok');
        expect(outcome.text).toContain('Saved as the connection "admin-console".');
        expect(outcome.text).toContain('You can close this tab.');
        // The form shows again what was typed, although the page was reloaded; never the secret.
        await expectFormKept(page, stack.emulator.adminSignOn.clientId);
        await expectNoAxeViolations(page, 'connected (pingone)');
        expect(page.url()).not.toContain('code=');
        expect(new URL(page.url()).searchParams.has('flow')).toBe(false);

        const harness = openHarness({ dbPath: stack.storePath, env: {} });
        try {
            expect(harness.connections.get('admin-console')).toMatchObject({
                provider: 'pingone',
                config: { environmentId: stack.emulator.environmentId, tld: stack.emulator.tld },
                credentials: { clientId: stack.emulator.adminSignOn.clientId, hasRefreshToken: true },
            });
        } finally {
            await harness.close();
        }
    });

    it('connects an application set to Client Secret Basic (Post, the default, tried first), and saves that method with the connection', async () => {
        // Admin sign-on: a Worker app with the Authorization Code grant (an OIDC Web App's token could not read the environment).
        const app = stack.emulator.admin.createApplication({
            type: 'WORKER',
            grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN'],
            redirectUris: ['http://127.0.0.1/callback'],
            tokenEndpointAuthMethod: 'CLIENT_SECRET_BASIC',
        });
        const page = await stack.newPage();
        await startSignOn(page, app);
        await signOn(page);
        const outcome = await resultOf(page);
        expect(outcome.text).not.toContain('--auth-method');
        expect(outcome.kind).toBe('result ok');
        expect(outcome.text).toContain('The application uses Client Secret Basic.');
        const harness = openHarness({ dbPath: stack.storePath, env: {} });
        try {
            expect(harness.connections.get('admin-console')).toMatchObject({
                authMethod: 'client_secret_basic',
                credentials: { clientId: app.clientId, hasRefreshToken: true },
            });
        } finally {
            await harness.close();
        }
    });

    it('asks, in words for the page, for one of the two methods when the application accepts neither', async () => {
        const app = stack.emulator.admin.createApplication({ type: 'WEB_APP', tokenEndpointAuthMethod: 'NONE' });
        const page = await stack.newPage();
        // Both methods are refused before the browser leaves for the sign-in: the form answers at once.
        await sendForm(page, { clientId: app.clientId, clientSecret: 'any-secret' });
        const outcome = await resultOf(page);
        expect(outcome.kind).toBe('result problem');
        expect(outcome.text).toContain("set the application's Token Endpoint Authentication Method to Client Secret Basic or Client Secret Post");
        expect(outcome.text).not.toContain('--auth-method');
    });

    it('tells the user which redirect URI the application must list', async () => {
        const page = await stack.newPage();
        await page.goto(ui.url);
        expect(ui.redirectUri).toBe(`${ui.origin}/callback`);
        expect(await page.getByRole('button', { name: 'Connect with PingOne' }).getAttribute('aria-describedby')).toBe('saves redirect-uri');
        expect(await page.locator('#redirect-uri').textContent()).toContain(ui.redirectUri);
    });

    it('reports a cancelled sign-on on the form', async () => {
        const page = await stack.newPage();
        await startSignOn(page);
        await page.getByRole('button', { name: 'Cancel' }).click();
        const outcome = await resultOf(page);
        expect(outcome.kind).toBe('result problem');
        expect(await page.locator('#result .result-title').textContent()).toBe('You cancelled the sign-in.');
        expect(outcome.text).not.toContain('access_denied');
        await expectFormKept(page, stack.emulator.adminSignOn.clientId);
        await saveScreenshot(page, 'connect-ui-sign-in-cancelled');
    });

    it('refuses a callback whose state this page never issued', async () => {
        const page = await stack.newPage();
        const reply = await page.goto(`${ui.origin}/callback?code=stolen&state=forged`);
        expect(reply?.status()).toBe(400);
        // No way back to the form: that address would carry the launch token.
        expect(page.url()).toBe(`${ui.origin}/callback?code=stolen&state=forged`);
        expect(await page.locator('main').textContent()).toContain('This page did not start that sign-in');
        expect(await page.content()).not.toContain(new URL(ui.url).searchParams.get('token')!);
    });

    it('explains a wrong client secret before the browser leaves for the sign-in, and links to where the secret is', async () => {
        const page = await stack.newPage();
        const signInPages: string[] = [];
        page.on('request', (request) => {
            if (new URL(request.url()).pathname.endsWith('/as/authorize')) signInPages.push(request.url());
        });
        await sendForm(page, { clientId: stack.emulator.adminSignOn.clientId, clientSecret: `${stack.emulator.adminSignOn.clientSecret}x` });
        const outcome = await resultOf(page);
        expect(outcome.kind).toBe('result problem');
        expect(outcome.text).toContain("application's Overview tab");
        expect(await page.locator('#result a.help').getAttribute('href')).toMatch(/^guides\/pingone\.md#/);
        expect(signInPages).toEqual([]);
        expect(await page.locator('#field-credentials-clientId').inputValue()).toBe(stack.emulator.adminSignOn.clientId);
        await expectNoAxeViolations(page, 'wrong secret (pingone)');
    });

    it('is accessible empty, after an empty submit, with a field error, on a phone and in its guide', async () => {
        const page = await stack.newPage({ narrow: true });
        await page.goto(ui.url);
        await expectNoAxeViolations(page, 'empty (pingone, phone width)');
        await page.getByRole('button', { name: 'Connect with PingOne' }).click();
        await expect.poll(() => page.locator('#result .result-title').textContent()).toMatch(/^Fix 4 fields first: /);
        await expectNoAxeViolations(page, 'after an empty submit (pingone)');
        await page.locator('#field-connectionConfig-environmentId').fill('not-a-uuid');
        await page.keyboard.press('Tab');
        await expect.poll(() => page.locator('#field-connectionConfig-environmentId-error').textContent()).not.toBe('');
        await expectNoAxeViolations(page, 'field errors (pingone)');
        await page.goto(`${ui.origin}/${getConnector('pingone').guideUrl}`);
        await expectNoAxeViolations(page, 'guide (pingone)');
    });

    it('can be completed with the keyboard alone, the sign-in page included', async () => {
        const page = await stack.newPage();
        const { emulator } = stack;
        await page.goto(ui.url);
        await fillWithKeyboard(page, emulator, emulator.adminSignOn);
        await page.waitForURL((url) => url.origin === emulator.url);
        const username = page.getByLabel('Username');
        for (let presses = 0; presses < 10 && !(await username.evaluate((element) => element === document.activeElement)); presses++)
            await page.keyboard.press('Tab');
        await page.keyboard.type(emulator.signOnUser.username);
        await page.keyboard.press('Tab');
        await page.keyboard.type(emulator.signOnUser.password);
        await page.keyboard.press('Enter');
        expect((await resultOf(page)).kind).toBe('result ok');
        expect(await focusedId(page)).toBe('result');
    });

    it('never sent the client secret or a token back to the page', () => {
        expect(fromConnectUi.length).toBeGreaterThan(5);
        for (const body of fromConnectUi) {
            expect(body).not.toContain(stack.emulator.adminSignOn.clientSecret);
            expect(body).not.toMatch(/eyJ[\w-]+\.eyJ/);
        }
    });
});
