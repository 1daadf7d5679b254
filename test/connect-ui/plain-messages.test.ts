import { describe, expect, it } from 'vitest';
import { getConnector, providerKeys } from '../../connectors/registry.generated.js';
import { checkField } from '../../src/connect-ui/field-check.js';
import { buildFormModel } from '../../src/connect-ui/form-model.js';
import { readPastedValue } from '../../src/connect-ui/paste-box.js';
import { AuthFailedError } from '../../src/errors/index.js';
import { readCallback } from '../../src/oauth/index.js';
import { expectPlainSentences } from './page-checks.js';

// Every message the page words itself, over the values people type and paste, reads as plain
// sentences: no ".)." or "..". (What the server answers is scanned by the browser tests, on every
// result they reach.)

const typed = [
    '',
    ' ',
    'f2aba07d-270c-42ba-8811-01af5f63d45',
    'f2aba07d-270c-42ba-8811-01af5f63d458 ',
    'f2aba07d270c42ba881101af5f63d458',
    'zzzzzzzz-270c-42ba-8811-01af5f63d458',
    'a b',
    'x'.repeat(600),
    'not-a-uuid.',
    'eu.',
];

const pasted = [
    '',
    'my environment.',
    'https://example.com/x.',
    'auth.pingone.de',
    'https://auth.pingone.eu/',
    'https://auth.pingone.eu/hello world./as',
    'https://auth.pingone.eu/f2aba07d-270c-42ba-8811-01af5f63d45/as',
    'https://console.pingone.eu/?env=f2aba07d-270c-42ba-8811-01af5f63d458',
    'https://api.pingone.eu/v1/environments',
];

describe('the words of the page', () => {
    it.each(providerKeys)('field checks of %s end each sentence once', (provider) => {
        const model = buildFormModel(getConnector(provider));
        for (const field of model.fields) for (const value of typed) expectPlainSentences(checkField(field, value) ?? '');
    });

    it('paste box messages end each sentence once', () => {
        const region = buildFormModel(getConnector('pingone-cc')).fields.find((field) => field.key === 'tld')!;
        const context = { regions: region.options!, regionTitle: region.title, environmentIdTitle: 'Environment ID' };
        for (const value of pasted) expectPlainSentences(readPastedValue(value, context).message);
    });

    it("PingOne's own error description, a sentence with its full stop, does not double it", () => {
        const refusal = (() => {
            try {
                readCallback(new URLSearchParams({ error: 'unauthorized_client', error_description: 'The application is disabled.' }));
            } catch (error) {
                return error;
            }
        })();
        expect(refusal).toBeInstanceOf(AuthFailedError);
        expectPlainSentences((refusal as AuthFailedError).message);
    });
});
