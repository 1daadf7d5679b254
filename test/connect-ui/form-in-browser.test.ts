import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { getConnector } from '../../connectors/registry.generated.js';
import { buildFormModel } from '../../src/connect-ui/form-model.js';
import { startStack, type ConnectUiStack } from './fixture.js';
import { expectNoAxeViolations } from './page-checks.js';
import { saveScreenshot } from './screenshots.js';

// The page as a person meets it, in headless Chromium: what the schemas put on it, checking as you
// type, the paste box, and how it reads on a phone. Nothing here reaches PingOne (or the emulator).

const provider = 'pingone-cc';
const model = buildFormModel(getConnector(provider));
const titleOf = (key: string) => model.fields.find((field) => field.key === key)!.title;
const pasteLabel = 'Paste an address from PingOne';

/** The control whose label is exactly this title (the required mark aside): what a screen reader announces. */
function fieldControl(page: Page, title: string) {
    return page.getByLabel(new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`));
}

let stack: ConnectUiStack;
let url: string;

beforeAll(async () => {
    stack = await startStack('form');
    url = (await stack.startUi(provider)).url;
});
afterAll(() => stack?.close());

async function openForm(options: { narrow?: boolean } = {}): Promise<Page> {
    const page = await stack.newPage(options);
    await page.goto(url);
    await page.waitForFunction(() => document.querySelector('script[src="/assets/page.js"]') !== null);
    return page;
}

async function errorOf(page: Page, key: string): Promise<string> {
    const control = fieldControl(page, titleOf(key));
    const describedBy = (await control.getAttribute('aria-describedby')) ?? '';
    const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'))!;
    return (await page.locator(`#${errorId}`).textContent()) ?? '';
}

describe('the Connect UI form in a browser', () => {
    it('shows the schema fields in schema order, each labelled, described and linked to its guide section', async () => {
        const page = await openForm();
        const labels = await page.locator('.field label').allTextContents();
        expect(labels.map((label) => label.replace(/\s*\*$/, ''))).toEqual(model.fields.map((field) => field.title));
        for (const field of model.fields) {
            const control = fieldControl(page, field.title);
            await expect.poll(() => control.count()).toBe(1);
            const description = await page.locator(`#${await control.getAttribute('id')}-description`).textContent();
            expect(description).toContain(field.description);
            if (field.example !== undefined && !field.secret) expect(description).toContain(field.example);
            if (field.helpUrl !== undefined) {
                const help = page.getByRole('link', { name: `Where do I find the ${field.title}?` });
                expect(await help.getAttribute('href')).toBe(field.helpUrl);
                expect(field.helpUrl).toMatch(/#.+/);
            }
        }
        // An empty form looks empty: examples are in the descriptions, never placeholders.
        expect(await page.locator('[placeholder]').count()).toBe(0);
        // Every help link is a target of at least 24 by 24 px (WCAG 2.5.8).
        for (const help of await page.locator('a.help').all()) {
            const box = (await help.boundingBox())!;
            expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(24);
        }
        await expectNoAxeViolations(page, 'empty');
        await saveScreenshot(page, 'connect-ui-empty');
    });

    it('offers the regions by name with their TLD, and masks the client secret until asked', async () => {
        const page = await openForm();
        const region = model.fields.find((field) => field.key === 'tld')!;
        const options = await fieldControl(page, region.title).locator('option').allTextContents();
        expect(options).toContain('European Union (eu)');
        expect(options).toContain('Australia (com.au)');
        for (const option of region.options!) expect(options).toContain(option.label);
        expect(region.options!.every((option) => option.label.endsWith(`(${option.value})`) && option.label.length > option.value.length + 3)).toBe(true);

        const secret = fieldControl(page, titleOf('clientSecret'));
        expect(await secret.getAttribute('type')).toBe('password');
        await page.getByRole('button', { name: `Show ${titleOf('clientSecret')}` }).click();
        expect(await secret.getAttribute('type')).toBe('text');
        // The accessible name follows the visible text (WCAG 2.5.3).
        await page.getByRole('button', { name: `Hide ${titleOf('clientSecret')}`, exact: true }).click();
        expect(await secret.getAttribute('type')).toBe('password');
    });

    it('explains a wrong Environment ID in plain words when the field is left, tied to the field, and announces nothing while typing', async () => {
        const page = await openForm();
        const environmentId = fieldControl(page, titleOf('environmentId'));
        const errorId = `${await environmentId.getAttribute('id')}-error`;
        // Every change to the live error text is an announcement: count them.
        await page.evaluate((id) => {
            const counter = window as unknown as { announcements: number };
            counter.announcements = 0;
            new MutationObserver(() => counter.announcements++).observe(document.getElementById(id)!, { childList: true, characterData: true, subtree: true });
        }, errorId);
        const announcements = () => page.evaluate(() => (window as unknown as { announcements: number }).announcements);
        await environmentId.pressSequentially('f2aba07d-270c-42ba-8811-01af5f63d45');
        expect(await announcements()).toBe(0);
        expect(await errorOf(page, 'environmentId')).toBe('');
        await environmentId.press('Tab');
        expect(await errorOf(page, 'environmentId')).toBe(`${titleOf('environmentId')} is a UUID like f2aba07d-…; yours has 35 characters, a UUID has 36.`);
        expect(await environmentId.getAttribute('aria-invalid')).toBe('true');
        expect(await announcements()).toBe(1);
        await expectNoAxeViolations(page, 'field errors');
        await environmentId.press('End');
        await environmentId.press('8');
        // Right now: the problem goes while typing, without waiting for the field to be left.
        expect(await errorOf(page, 'environmentId')).toBe('');
        expect(await environmentId.getAttribute('aria-invalid')).toBe('false');
    });

    it('lists every problem and moves focus to the first field at fault when sent incomplete', async () => {
        const page = await openForm();
        await fieldControl(page, titleOf('environmentId')).fill('not-an-id');
        await page.getByRole('button', { name: 'Test and save' }).click();
        await expect
            .poll(() => page.locator('#result').textContent())
            .toBe(`Fix 4 fields first: ${['environmentId', 'tld', 'clientId', 'clientSecret'].map(titleOf).join(', ')}.`);
        expect(await page.evaluate(() => document.activeElement?.id)).toBe(await fieldControl(page, titleOf('environmentId')).getAttribute('id'));
        expect(await errorOf(page, 'tld')).toBe(`${titleOf('tld')} is required.`);
        expect(await errorOf(page, 'clientId')).toBe(`${titleOf('clientId')} is required.`);
        expect(await errorOf(page, 'clientSecret')).toBe(`${titleOf('clientSecret')} is required.`);
        await expectNoAxeViolations(page, 'after an empty submit');
        await saveScreenshot(page, 'connect-ui-invalid');
    });

    it('keeps the summary of problems in step with the fields, and drops it once none is left', async () => {
        const page = await openForm();
        await page.getByRole('button', { name: 'Test and save' }).click();
        await expect.poll(() => page.locator('#result .result-title').textContent()).toMatch(/^Fix 4 fields first/);
        await page.getByLabel(pasteLabel).fill('https://auth.pingone.eu/f2aba07d-270c-42ba-8811-01af5f63d458/as/authorize');
        expect(await page.locator('#result .result-title').textContent()).toBe(`Fix 2 fields first: ${titleOf('clientId')}, ${titleOf('clientSecret')}.`);
        await fieldControl(page, titleOf('clientId')).fill('some-client');
        await fieldControl(page, titleOf('clientSecret')).fill('some-secret');
        expect(await page.locator('#result').textContent()).toBe('');
    });

    describe('the paste box', () => {
        const environmentId = 'f2aba07d-270c-42ba-8811-01af5f63d458';

        it('fills region and Environment ID from an Authorization URL', async () => {
            const page = await openForm();
            await page.getByLabel(pasteLabel).fill(`https://auth.pingone.eu/${environmentId}/as/authorize`);
            expect(await fieldControl(page, titleOf('tld')).inputValue()).toBe('eu');
            expect(await fieldControl(page, titleOf('environmentId')).inputValue()).toBe(environmentId);
            expect(await page.locator('#paste-message').textContent()).toContain('European Union (eu)');
        });

        it('fills only the region from an Auth Domain and asks for the Environment ID', async () => {
            const page = await openForm();
            await page.getByLabel(pasteLabel).fill('auth.pingone.com.au');
            expect(await fieldControl(page, titleOf('tld')).inputValue()).toBe('com.au');
            expect(await fieldControl(page, titleOf('environmentId')).inputValue()).toBe('');
            expect(await page.locator('#paste-message').textContent()).toContain(`enter the ${titleOf('environmentId')}`);
        });

        it('fills region and Environment ID from the admin console address', async () => {
            const page = await openForm();
            await page.getByLabel(pasteLabel).fill(`https://console.pingone.eu/?env=${environmentId}#home`);
            expect(await fieldControl(page, titleOf('tld')).inputValue()).toBe('eu');
            expect(await fieldControl(page, titleOf('environmentId')).inputValue()).toBe(environmentId);
        });

        it('says what it expected when given something else, and changes no field', async () => {
            const page = await openForm();
            await page.getByLabel(pasteLabel).fill('https://example.com/?env=1');
            expect(await page.locator('#paste-message').textContent()).toContain('example.com is not a PingOne address');
            expect(await page.locator('#paste-message').textContent()).toContain("Expected an address from PingOne: the admin console's");
            expect(await fieldControl(page, titleOf('tld')).inputValue()).toBe('');
        });
    });

    it('labels every control and ties each to its description and error message', async () => {
        const page = await openForm();
        const controls = await page.evaluate(() =>
            Array.from(
                document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLButtonElement>(
                    '#connect-form input, #connect-form select, #connect-form button',
                ),
            ).map((control) => ({
                id: control.id,
                labelled:
                    (control.labels?.length ?? 0) > 0 ||
                    control.getAttribute('aria-label') !== null ||
                    (control instanceof HTMLButtonElement && control.textContent !== ''),
                describedBy: (control.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id !== ''),
                missing: (control.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id !== '' && document.getElementById(id) === null),
            })),
        );
        expect(controls.length).toBe(model.fields.length + 3); // the fields, the paste box, Show and Test and save
        expect(controls.filter((control) => !control.labelled)).toEqual([]);
        expect(controls.flatMap((control) => control.missing)).toEqual([]);
        for (const field of model.fields) {
            const control = controls.find((candidate) => candidate.id === `field-${field.group}-${field.key}`)!;
            expect(control.describedBy).toEqual([`${control.id}-description`, `${control.id}-error`]);
        }
    });

    it("says in plain words that the page's server has stopped", async () => {
        const stopped = await stack.startUi(provider, 'stopped');
        const page = await stack.newPage();
        await page.goto(stopped.url);
        await page.getByLabel(pasteLabel).fill('https://auth.pingone.eu/f2aba07d-270c-42ba-8811-01af5f63d458/as/authorize');
        await fieldControl(page, titleOf('clientId')).fill('some-client');
        await fieldControl(page, titleOf('clientSecret')).fill('some-secret');
        await stopped.close();
        await page.getByRole('button', { name: 'Test and save' }).click();
        await expect.poll(() => page.locator('#result .result-title').textContent()).toBe("This page's server has stopped: run the command again.");
        expect(await page.locator('#result').textContent()).not.toMatch(/TypeError|fetch/);
    });

    it('fits a phone screen without sideways scrolling', async () => {
        const page = await openForm({ narrow: true });
        await page.getByLabel(pasteLabel).fill('https://auth.pingone.eu/nonsense/as/authorize');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await expectNoAxeViolations(page, 'phone width');
        await saveScreenshot(page, 'connect-ui-phone');
    });
});
