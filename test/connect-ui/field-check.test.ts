import { describe, expect, it } from 'vitest';
import { checkField } from '../../src/connect-ui/field-check.js';
import type { FormField } from '../../src/connect-ui/form-model.js';

function field(overrides: Partial<FormField>): FormField {
    return {
        key: 'k',
        group: 'connectionConfig',
        title: 'Field',
        description: '',
        example: undefined,
        defaultValue: undefined,
        options: undefined,
        secret: false,
        required: true,
        helpUrl: undefined,
        schema: {},
        ...overrides,
    };
}

const environmentId = field({
    key: 'environmentId',
    title: 'Environment ID',
    example: 'f2aba07d-270c-42ba-8811-01af5f63d458',
    schema: { type: 'string', format: 'uuid', pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' },
});
const region = field({
    key: 'tld',
    title: 'Region',
    options: [
        { value: 'com', label: 'North America (com)' },
        { value: 'eu', label: 'European Union (eu)' },
    ],
});

describe('checking a field as the user types', () => {
    it('counts the characters of a UUID that is one short', () => {
        expect(checkField(environmentId, 'f2aba07d-270c-42ba-8811-01af5f63d45')).toBe(
            'Environment ID is a UUID like f2aba07d-…; yours has 35 characters, a UUID has 36.',
        );
    });

    it('points at the first character that cannot be in a UUID', () => {
        expect(checkField(environmentId, 'f2aba07d-270c-42ba-8811-01af5f63d45z')).toContain('character 36 ("z") is not a hexadecimal digit');
    });

    it('describes misplaced dashes by their group lengths', () => {
        expect(checkField(environmentId, 'f2aba07d2-70c-42ba-8811-01af5f63d458')).toContain('yours has groups of 9-3-4-4-12');
    });

    it('notices spaces around a pasted value', () => {
        expect(checkField(environmentId, ' f2aba07d-270c-42ba-8811-01af5f63d45')).toContain('spaces or line breaks around it');
    });

    it('refuses the urn:uuid: prefix that the format allows but the pattern does not', () => {
        expect(checkField(environmentId, 'urn:uuid:f2aba07d-270c-42ba-8811-01af5f63d458')).toContain('five groups of hexadecimal digits');
    });

    it('accepts a UUID and a listed region', () => {
        expect(checkField(environmentId, 'F2ABA07D-270C-42BA-8811-01AF5F63D458')).toBeUndefined();
        expect(checkField(region, 'eu')).toBeUndefined();
    });

    it('names the regions when the value is not one of them', () => {
        expect(checkField(region, 'de')).toBe('Region must be one of North America (com), European Union (eu).');
    });

    it('never echoes a character of a secret', () => {
        const secret = field({ title: 'Client secret', secret: true, schema: { format: 'uuid' } });
        const problem = checkField(secret, 'qqqqqqqq-aaaa-aaaa-aaaa-aaaaaaaaaaaa')!;
        expect(problem).toContain('character 1 is not');
        expect(problem).not.toContain('"q"');
    });

    it('requires a required field and lets an optional one stay empty', () => {
        expect(checkField(environmentId, '')).toBe('Environment ID is required.');
        expect(checkField(field({ key: 'note', required: false }), '')).toBeUndefined();
    });

    it('says where the spaces are when a pattern refuses them', () => {
        const secret = field({ title: 'Client Secret', secret: true, schema: { pattern: '^\\S{1,512}$' } });
        expect(checkField(secret, ' abc\n')).toBe('Client Secret has spaces or line breaks around it; remove them.');
        expect(checkField(secret, 'ab cd')).toBe('Client Secret cannot contain spaces or line breaks.');
        expect(checkField(secret, 'x'.repeat(513))).toBe('Client Secret does not have the expected form.');
    });

    it('applies minLength and maxLength by characters', () => {
        const bounded = field({ title: 'Client ID', schema: { minLength: 3, maxLength: 4 } });
        expect(checkField(bounded, 'ab')).toBe('Client ID must be at least 3 characters long.');
        expect(checkField(bounded, 'abcde')).toBe('Client ID must be at most 4 characters long.');
        expect(checkField(bounded, 'ééé')).toBeUndefined();
    });
});
