import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { getConnector } from '../../connectors/registry.generated.js';
import { buildFormModel } from '../../src/connect-ui/form-model.js';
import { startStack, type ConnectUiStack } from './fixture.js';
import { saveScreenshot } from './screenshots.js';

// The page as a person meets it, in headless Chromium: what the schemas put on it, checking as you
// type, the paste box, and how it reads on a phone. Nothing here reaches PingOne (or the emulator).

const provider = 'pingone-cc';
const model = buildFormModel(getConnector(provider));
const titleOf = (key: string) => model.fields.find((field) => field.key === key)!.title;
const pasteLabel = 'Paste your PingOne Authorization URL, Token URL or Auth Domain';

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
    });

    it('explains a wrong Environment ID in plain words while the user types, tied to the field', async () => {
        const page = await openForm();
        const environmentId = fieldControl(page, titleOf('environmentId'));
        await environmentId.pressSequentially('f2aba07d-270c-42ba-8811-01af5f63d45');
        expect(await errorOf(page, 'environmentId')).toBe(`${titleOf('environmentId')} is a UUID like f2aba07d-…; yours has 35 characters, a UUID has 36.`);
        expect(await environmentId.getAttribute('aria-invalid')).toBe('true');
        await environmentId.press('8');
        expect(await errorOf(page, 'environmentId')).toBe('');
        expect(await environmentId.getAttribute('aria-invalid')).toBe('false');
    });

    it('lists every problem and moves focus to the first field at fault when sent incomplete', async () => {
        const page = await openForm();
        await fieldControl(page, titleOf('environmentId')).fill('not-an-id');
        await page.getByRole('button', { name: 'Test connection' }).click();
        await expect.poll(() => page.locator('#result').textContent()).toMatch(/^Fix 4 fields first\./);
        expect(await page.evaluate(() => document.activeElement?.id)).toBe(await fieldControl(page, titleOf('environmentId')).getAttribute('id'));
        expect(await errorOf(page, 'tld')).toBe(`${titleOf('tld')} is required.`);
        expect(await errorOf(page, 'clientId')).toBe(`${titleOf('clientId')} is required.`);
        expect(await errorOf(page, 'clientSecret')).toBe(`${titleOf('clientSecret')} is required.`);
        await saveScreenshot(page, 'connect-ui-invalid');
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

        it('says what it expected when given something else, and changes no field', async () => {
            const page = await openForm();
            await page.getByLabel(pasteLabel).fill('https://console.pingone.eu/?env=1');
            expect(await page.locator('#paste-message').textContent()).toContain('is not a PingOne Auth Domain');
            expect(await page.locator('#paste-message').textContent()).toContain('Expected an Authorization URL such as https://auth.pingone.eu/');
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
        expect(controls.length).toBe(model.fields.length + 3); // the fields, the paste box, Show and Test connection
        expect(controls.filter((control) => !control.labelled)).toEqual([]);
        expect(controls.flatMap((control) => control.missing)).toEqual([]);
        for (const field of model.fields) {
            const control = controls.find((candidate) => candidate.id === `field-${field.group}-${field.key}`)!;
            expect(control.describedBy).toEqual([`${control.id}-description`, `${control.id}-error`]);
        }
    });

    it('fits a phone screen without sideways scrolling', async () => {
        const page = await openForm({ narrow: true });
        await page.getByLabel(pasteLabel).fill('https://auth.pingone.eu/nonsense/as/authorize');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
    });
});
