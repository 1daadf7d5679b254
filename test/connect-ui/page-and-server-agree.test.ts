import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { getConnector, providerKeys } from '../../connectors/registry.generated.js';
import { checkedRequest } from '../../src/connect-ui/checked-request.js';
import { buildFormModel, type FormField } from '../../src/connect-ui/form-model.js';
import { startStack, type ConnectUiStack } from './fixture.js';

// "The page never accepts what the harness would refuse": each value is typed into the page in
// Chromium (the page's verdict is the field's aria-invalid) and handed to the server's gate, which
// runs the connector's own validator, the one every URL builder and the harness run. They must agree.

const environmentId = 'f2aba07d-270c-42ba-8811-01af5f63d458';

// Values a person might type for any field, around one the field should accept.
function generic(ordinary: string): string[] {
    return [
        ordinary,
        '',
        ' ',
        `${ordinary} `,
        ` ${ordinary}`,
        `${ordinary}\n`,
        ordinary.toUpperCase(),
        'a b',
        '../x',
        'x'.repeat(300),
        '<script>alert(1)</script>',
        '\u0000',
        'ｘ',
        'é',
    ];
}

const specific: Record<string, string[]> = {
    environmentId: [
        environmentId,
        environmentId.toUpperCase(),
        environmentId.slice(0, 35),
        `${environmentId} `,
        ` ${environmentId}`,
        `${environmentId}\n`,
        `urn:uuid:${environmentId}`,
        `${environmentId}/../x`,
        '../../evil.example/x',
        environmentId.replace(/-/g, ''),
        environmentId.replace('f', 'ｆ'),
        environmentId.replace('2', '٢'),
        `${environmentId.slice(0, 8)}\u200b${environmentId.slice(8)}`,
        `${environmentId}\u0000`,
        '00000000-0000-0000-0000-000000000000',
        '<script>alert(1)</script>',
        'x'.repeat(5000),
    ],
    tld: [
        'com',
        'eu',
        'com.au',
        'asia',
        'ca',
        'sg',
        'EU',
        'eu ',
        'de',
        'com.evil.example',
        'eu/../x',
        'eu@evil.example',
        'com.',
        '.com',
        'eu#',
        'eu\u0000',
        'ｅｕ',
    ],
    clientId: ['5b2c3d4e-0000-4000-8000-000000000001', '', 'not-a-uuid', '5b2c3d4e-0000-4000-8000-000000000001 ', 'x'.repeat(300), '\u202eabc'],
    clientSecret: ['a-secret-value', '', ' ', 'x'.repeat(10_000), '\u0000', 'é'],
};

/** A value the field should accept: its example, its first option, or a plain word. */
function ordinaryValue(field: FormField): string {
    return specific[field.key]?.[0] ?? field.example ?? field.options?.[0]?.value ?? 'value1';
}

function candidatesFor(field: FormField): string[] {
    return specific[field.key] ?? generic(ordinaryValue(field));
}

let stack: ConnectUiStack;
const pages = new Map<string, Page>();

beforeAll(async () => {
    stack = await startStack('agreement');
    for (const provider of providerKeys) {
        const ui = await stack.startUi(provider);
        const page = await stack.newPage();
        await page.goto(ui.url);
        pages.set(provider, page);
    }
});
afterAll(() => stack?.close());

async function pageAccepts(page: Page, field: FormField, value: string): Promise<boolean> {
    const id = `field-${field.group}-${field.key}`;
    return page.evaluate(
        ({ id, value }) => {
            const control = document.getElementById(id) as HTMLInputElement | HTMLSelectElement;
            if (control instanceof HTMLSelectElement && !Array.from(control.options).some((option) => option.value === value)) {
                // A select cannot hold an unlisted value: the page cannot send it at all.
                return false;
            }
            control.value = value;
            // Typed, then the field left: the page judges a field when it is left.
            control.dispatchEvent(new Event('input', { bubbles: true }));
            control.dispatchEvent(new FocusEvent('blur'));
            return control.getAttribute('aria-invalid') === 'false' && control.value === value;
        },
        { id, value },
    );
}

function serverAccepts(provider: string, fields: readonly FormField[], field: FormField, value: string): boolean {
    const body = { connectionConfig: {}, credentials: {} } as Record<'connectionConfig' | 'credentials', Record<string, string>>;
    for (const each of fields) body[each.group][each.key] = each === field ? value : ordinaryValue(each);
    return checkedRequest(getConnector(provider), fields, body).ok;
}

describe.each(providerKeys)('page and server verdicts for %s', (provider) => {
    const model = buildFormModel(getConnector(provider));

    it('accept the ordinary value of every field together', () => {
        for (const field of model.fields) expect(serverAccepts(provider, model.fields, field, ordinaryValue(field))).toBe(true);
    });

    for (const field of model.fields) {
        it(`agree on every candidate for ${field.key}`, async () => {
            const page = pages.get(provider)!;
            const verdicts = [];
            for (const value of candidatesFor(field)) {
                verdicts.push({
                    value: JSON.stringify(value.slice(0, 60)),
                    page: await pageAccepts(page, field, value),
                    server: serverAccepts(provider, model.fields, field, value),
                });
            }
            expect(verdicts.filter((verdict) => verdict.page && !verdict.server)).toEqual([]);
            // Nor is the page stricter than the server on what people type.
            expect(verdicts.filter((verdict) => verdict.page !== verdict.server)).toEqual([]);
            expect(verdicts.some((verdict) => verdict.page)).toBe(true);
            expect(verdicts.some((verdict) => !verdict.page)).toBe(true);
        });
    }
});
