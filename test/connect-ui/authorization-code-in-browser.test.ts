import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openHarness } from '../../src/harness/index.js';
import type { ConnectUi } from '../../src/connect-ui/index.js';
import { startStack, type ConnectUiStack } from './fixture.js';

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
    const { emulator } = stack;
    page.on('response', (response) => {
        if (new URL(response.url()).origin !== ui.origin) return;
        void response.text().then(
            (body) => fromConnectUi.push(body),
            () => undefined,
        );
    });
    await page.goto(ui.url);
    await page
        .getByLabel('Paste your PingOne Authorization URL, Token URL or Auth Domain')
        .fill(`https://auth.pingone.${emulator.tld}/${emulator.environmentId}/as/authorize`);
    await page.locator('#field-credentials-clientId').fill(app.clientId);
    const secret = page.locator('#field-credentials-clientSecret');
    if ((await secret.count()) > 0) await secret.fill(app.clientSecret);
    await page.getByRole('button', { name: 'Connect with PingOne' }).click();
    await page.waitForURL((url) => url.origin === stack.emulator.url);
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
    return { kind: (await result.getAttribute('class'))!, text: (await result.textContent()) ?? '' };
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
        expect(outcome.text).toContain('admin-console');
        // The form shows again what was saved, although the page was reloaded.
        expect(await page.locator('#field-connectionConfig-environmentId').inputValue()).toBe(stack.emulator.environmentId);
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

    it('connects an application set to Client Secret Post, and saves that method with the connection', async () => {
        // Admin sign-on: a Worker app with the Authorization Code grant (an OIDC Web App's token could not read the environment).
        const app = stack.emulator.admin.createApplication({
            type: 'WORKER',
            grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN'],
            redirectUris: ['http://127.0.0.1/callback'],
            tokenEndpointAuthMethod: 'CLIENT_SECRET_POST',
        });
        const page = await stack.newPage();
        await startSignOn(page, app);
        await signOn(page);
        const outcome = await resultOf(page);
        expect(outcome.text).not.toContain('--auth-method');
        expect(outcome.kind).toBe('result ok');
        expect(outcome.text).toContain('The application uses Client Secret Post.');
        const harness = openHarness({ dbPath: stack.storePath, env: {} });
        try {
            expect(harness.connections.get('admin-console')).toMatchObject({
                authMethod: 'client_secret_post',
                credentials: { clientId: app.clientId, hasRefreshToken: true },
            });
        } finally {
            await harness.close();
        }
    });

    it('asks, in words for the page, for one of the two methods when the application accepts neither', async () => {
        const app = stack.emulator.admin.createApplication({ type: 'WEB_APP', tokenEndpointAuthMethod: 'NONE' });
        const page = await stack.newPage();
        await startSignOn(page, { clientId: app.clientId, clientSecret: 'any-secret' });
        await signOn(page);
        const outcome = await resultOf(page);
        expect(outcome.kind).toBe('result problem');
        expect(outcome.text).toContain("set the application's Token Endpoint Authentication Method to Client Secret Basic or Client Secret Post");
        expect(outcome.text).not.toContain('--auth-method');
    });

    it('tells the user which redirect URI the application must list', async () => {
        const page = await stack.newPage();
        await page.goto(ui.url);
        expect(ui.redirectUri).toBe(`${ui.origin}/callback`);
        expect(await page.getByRole('button', { name: 'Connect with PingOne' }).getAttribute('aria-describedby')).toBe('redirect-uri');
        expect(await page.locator('#redirect-uri').textContent()).toContain(ui.redirectUri);
    });

    it('reports a cancelled sign-on on the form', async () => {
        const page = await stack.newPage();
        await startSignOn(page);
        await page.getByRole('button', { name: 'Cancel' }).click();
        const outcome = await resultOf(page);
        expect(outcome.kind).toBe('result problem');
        expect(outcome.text).toContain('PingOne did not complete the sign-on (access_denied');
    });

    it('refuses a callback whose state this page never issued', async () => {
        const page = await stack.newPage();
        await page.goto(`${ui.origin}/callback?code=stolen&state=forged`);
        const outcome = await resultOf(page);
        expect(outcome.kind).toBe('result problem');
        expect(outcome.text).toContain('This sign-on was not started from this page');
    });

    it('never sent the client secret or a token back to the page', () => {
        expect(fromConnectUi.length).toBeGreaterThan(5);
        for (const body of fromConnectUi) {
            expect(body).not.toContain(stack.emulator.adminSignOn.clientSecret);
            expect(body).not.toMatch(/eyJ[\w-]+\.eyJ/);
        }
    });
});
