import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { getConnector } from '../../connectors/registry.generated.js';
import type { ConnectUi } from '../../src/connect-ui/index.js';
import { buildFormModel } from '../../src/connect-ui/form-model.js';
import { startStack, type ConnectUiStack } from './fixture.js';
import { expectNoAxeViolations } from './page-checks.js';

// The help links in a browser: each opens the connector's setup guide, served by the page server
// itself, in a new tab at the field's section. Nothing else of the package is reachable that way.

const provider = 'pingone-cc';
const model = buildFormModel(getConnector(provider));

let stack: ConnectUiStack;
let ui: ConnectUi;

beforeAll(async () => {
    stack = await startStack('setup-guide');
    ui = await stack.startUi(provider);
});
afterAll(() => stack?.close());

async function openForm(): Promise<Page> {
    const page = await stack.newPage();
    await page.goto(ui.url);
    return page;
}

/** What the page's own origin gets for an address, as its script would (same origin, no launch token). */
function fetchFromPage(page: Page, href: string, headers: Record<string, string> = {}): Promise<{ status: number; contentType: string; body: string }> {
    return page.evaluate(
        async ([address, sent]) => {
            const response = await fetch(address, { headers: sent });
            return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: await response.text() };
        },
        [href, headers] as const,
    );
}

describe('the setup guide behind the help links', () => {
    it("opens in a new tab at the field's section when a field's help link is clicked", async () => {
        const page = await openForm();
        const field = model.fields.find((candidate) => candidate.key === 'environmentId')!;
        const [guide] = await Promise.all([
            page.context().waitForEvent('page'),
            page.getByRole('link', { name: `Where do I find the ${field.title}?` }).click(),
        ]);
        await guide.waitForLoadState();
        const anchor = field.helpUrl!.slice(field.helpUrl!.indexOf('#') + 1);
        expect(guide.url()).toBe(`${ui.origin}/${model.guideUrl}#${anchor}`);
        expect(guide.url()).not.toContain('token=');
        const section = guide.locator(`[id="${anchor}"]`);
        expect(await section.textContent()).toBe('Step 2: Finding your Environment ID');
        expect(await section.evaluate((heading) => heading.matches(':target') && heading.tagName)).toBe('H2');
        // Scrolled down to it: the section is in view, though the guide's first screen is not.
        await expect
            .poll(() => section.evaluate((heading) => ({ scrolled: window.scrollY > 0, inView: heading.getBoundingClientRect().top < window.innerHeight })))
            .toEqual({ scrolled: true, inView: true });
    });

    it('answers every help link and the Setup guide link on the page with the guide, holding its anchor', async () => {
        const page = await openForm();
        const links = page.locator('a[target="_blank"]');
        const hrefs = await links.evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
        expect(hrefs).toHaveLength(model.fields.filter((field) => field.helpUrl !== undefined).length + 1);
        for (const href of hrefs) {
            const reply = await fetchFromPage(page, href);
            expect(reply.status).toBe(200);
            expect(reply.contentType).toBe('text/html; charset=utf-8');
            const fragment = new URL(href).hash;
            if (fragment !== '') expect(reply.body).toContain(`id="${fragment.slice(1)}"`);
        }
        expect(await links.evaluateAll((anchors) => anchors.every((anchor) => anchor.getAttribute('rel') === 'noopener noreferrer'))).toBe(true);
    });

    it('shows the guide as a page of its own: headings, lists, tables and code, no script', async () => {
        const page = await stack.newPage();
        const response = await page.goto(`${ui.origin}/${model.guideUrl}`);
        expect(response!.status()).toBe(200);
        expect(response!.headers()['content-security-policy']).toContain("default-src 'none'");
        expect(await page.title()).toBe(`Setup guide: ${model.displayName}`);
        expect(await page.locator('h1').textContent()).toBe('PingOne (Client Credentials): setup guide');
        expect(await page.locator('ol > li').count()).toBeGreaterThan(3);
        expect(await page.locator('table th').first().textContent()).toBe('call');
        expect(await page.locator('pre code').textContent()).toContain('https://auth.pingone.eu/');
        expect(await page.locator('script').count()).toBe(0);
        await expectNoAxeViolations(page, 'guide');
    });

    it('refuses every other path, inside guides/ or out of it, even to a request that carries the launch token', async () => {
        const page = await openForm();
        // With the token, what answers is the routing itself, not the token check.
        const launchToken = new URL(page.url()).searchParams.get('token') ?? '';
        for (const path of [
            '/guides/../package.json',
            '/guides/%2e%2e/package.json',
            '/guides/..%2fpackage.json',
            '/guides/pingone.md',
            '/guides/',
            '/package.json',
            '/src/connect-ui/server.ts',
        ]) {
            const reply = await fetchFromPage(page, path, { 'x-launch-token': launchToken });
            expect([reply.status, reply.body], path).toEqual([404, 'Not found.']);
            expect(reply.body, path).not.toContain('"dependencies"');
            expect(reply.body, path).not.toContain('setup guide');
        }
    });
});
