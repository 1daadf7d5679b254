import { describe, expect, it } from 'vitest';
import { tokenErrorFrom, type TokenRequestContext } from '../../src/oauth/token-errors.js';

// tokenErrorFrom is a pure function of PingOne's answer: these cases feed it answers worded in ways
// the emulator never words them, which is the point (PingOne documents the codes, not the wording).

const context: TokenRequestContext = { grantType: 'client_credentials', authMethod: 'client_secret_post', environmentId: 'env-1', secrets: ['s3cr3t-value'] };

describe('token errors are classified by RFC 6749 code and status, whatever the description says', () => {
    it.each([
        ['Unsupported authentication method', 401],
        ['The application is disabled', 401],
        ['Client not found', 400],
        ['Accès refusé', 401],
        ['', 401],
    ])('invalid_client described as "%s" (HTTP %i) is invalid_client, with the same hint', (description, status) => {
        const error = tokenErrorFrom(status, { error: 'invalid_client', error_description: description }, context);
        expect(error).toMatchObject({ reason: 'invalid_client', oauthError: 'invalid_client', status, field: 'clientSecret' });
        expect(error.hint).toMatch(/Client Secret Post.*--auth-method client_secret_basic/);
        expect(error.hint).toMatch(/enabled/);
        if (description) expect(error.message).toContain(`PingOne said: "${description}"`);
    });

    it('a 401 without an OAuth body is a refused client too', () => {
        expect(tokenErrorFrom(401, 'Unauthorized', context)).toMatchObject({ reason: 'invalid_client' });
    });

    it('quotes the description with any secret in it redacted', () => {
        const error = tokenErrorFrom(400, { error: 'invalid_grant', error_description: 'grant s3cr3t-value is not valid' }, context);
        expect(error).toMatchObject({ reason: 'invalid_grant' });
        expect(error.message).not.toContain('s3cr3t-value');
        expect(error.message).toContain('PingOne said:');
    });

    it('an error code it does not know keeps its code and status in the message', () => {
        const error = tokenErrorFrom(400, { error: 'temporarily_unavailable', error_description: 'try later' }, context);
        expect(error).toMatchObject({ reason: 'token_endpoint_error', oauthError: 'temporarily_unavailable' });
        expect(error.message).toContain('HTTP 400, temporarily_unavailable');
        expect(error.message).toContain('try later');
    });
});
