import { describe, expect, it } from 'vitest';
import { getConnector, providerKeys } from '../../connectors/registry.generated.js';
import { buildFormModel } from '../../src/connect-ui/form-model.js';

// The Connect UI builds its form from the compiled schemas alone; this pins the parts of the
// contract it reads: order, titles, region labels, the secret flag, required fields and help links.

describe('the compiled schemas as the Connect UI reads them', () => {
    it('pingone-cc: Environment ID, then the region select with labelled TLDs, then the Worker app credentials', () => {
        const model = buildFormModel(getConnector('pingone-cc'));
        expect(model.fields.map((field) => field.key)).toEqual(['environmentId', 'tld', 'clientId', 'clientSecret']);
        const tld = model.fields[1]!;
        expect(tld.options).toEqual([
            { value: 'com', label: 'North America (com)' },
            { value: 'ca', label: 'Canada (ca)' },
            { value: 'eu', label: 'European Union (eu)' },
            { value: 'com.au', label: 'Australia (com.au)' },
            { value: 'sg', label: 'Singapore (sg)' },
            { value: 'asia', label: 'Asia-Pacific (asia)' },
        ]);
        expect(tld.defaultValue).toBeUndefined();
        expect(tld.helpUrl).toBe('guides/pingone-cc.md#step-3-finding-your-top-level-domain');
        expect(model.fields[0]!.example).toBe('f2aba07d-270c-42ba-8811-01af5f63d458');
        expect(model.fields.map((field) => field.secret)).toEqual([false, false, false, true]);
        expect(model.fields.every((field) => field.required)).toBe(true);
    });

    for (const key of providerKeys) {
        it(`${key}: every field has a title, a description and a help link`, () => {
            for (const field of buildFormModel(getConnector(key)).fields) {
                expect(field.title, field.key).not.toBe(field.key);
                expect(field.description, field.key).not.toBe('');
                expect(field.helpUrl, field.key).toMatch(new RegExp(`^guides/${key}\\.md#step-\\d-`));
            }
        });
    }
});
