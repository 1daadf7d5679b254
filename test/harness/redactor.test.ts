import { describe, expect, it } from 'vitest';
import { LockTable } from '../../src/harness/lock-table.js';
import { ActionError } from '@nangohq/runner-sdk';
import { Redactor } from '../../src/harness/redactor.js';
import { scriptFailure } from '../../src/harness/script-failure.js';

describe('Redactor', () => {
    it('removes known secrets wherever they appear', () => {
        const redactor = new Redactor();
        redactor.add('s3cr3t-client-secret-value');
        expect(redactor.redact('url?x=s3cr3t-client-secret-value&y=1')).toBe('url?x=[redacted]&y=1');
        expect(redactor.redactValue({ nested: ['s3cr3t-client-secret-value'] })).toBe('{"nested":["[redacted]"]}');
    });

    it('removes bearer and basic credentials and token-named fields it was not told about', () => {
        const redactor = new Redactor();
        expect(redactor.redact('authorization: Bearer eyJhbGciOiJSUzI1NiJ9.abc.def')).toBe('authorization: Bearer [redacted]');
        expect(redactor.redact('{"access_token":"abcdefghijkl","expires_in":3600}')).toBe('{"access_token":"[redacted]","expires_in":3600}');
        expect(redactor.redact('grant_type=refresh_token&refresh_token=rt-123456789')).toBe('grant_type=refresh_token&refresh_token=[redacted]');
    });

    it('masks secret-named fields of an action error payload whole, whatever their type, and keeps the rest', () => {
        const redactor = new Redactor();
        const payload = { message: 'refused', access_token: null, attempts: 2, detail: { newPassword: 'hunter2 with spaces', clientSecret: 12345678 } };
        const failure = scriptFailure(new ActionError(payload), redactor) as { payload?: unknown };
        expect(failure.payload).toEqual({
            message: 'refused',
            access_token: null,
            attempts: 2,
            detail: { newPassword: '[redacted]', clientSecret: '[redacted]' },
        });
        expect(JSON.stringify(failure.payload)).not.toMatch(/hunter2|spaces|12345678/);
    });

    it('masks secret-named fields in the notations messages print them in, and leaves prose and look-alike names alone', () => {
        const redactor = new Redactor();
        const masked: [string, string][] = [
            ['password: Hunter2Secret!', 'password: [redacted]'],
            ['refresh_token: abcdef123456', 'refresh_token: [redacted]'],
            ["{ password: 'S3cret Pass' }", "{ password: '[redacted]' }"],
            ['password = hunter2', 'password = [redacted]'],
            ['newPassword=abc&x=1', 'newPassword=[redacted]&x=1'],
            ['{"newPassword":"Sup3r Secret1"}', '{"newPassword":"[redacted]"}'],
            ["ActionError { payload: { clientSecret: 'a b c', clientId: 'x' } }", "ActionError { payload: { clientSecret: '[redacted]', clientId: 'x' } }"],
            ['failed\napi_key=abc', 'failed\napi_key=[redacted]'],
        ];
        for (const [text, expected] of masked) expect(redactor.redact(text), text).toBe(expected);
        for (const text of [
            'Wrong client ID or client secret: PingOne did not accept them.',
            'tokenEndpointAuthMethod: CLIENT_SECRET_BASIC',
            'token_endpoint_auth_method=client_secret_post',
        ]) {
            expect(redactor.redact(text), text).toBe(text);
        }
    });

    it('leaves short values alone so that ordinary words are not masked', () => {
        const redactor = new Redactor();
        redactor.add('abc');
        expect(redactor.redact('abc def')).toBe('abc def');
    });
});

describe('LockTable', () => {
    it('holds a key until released or expired', () => {
        const locks = new LockTable();
        expect(locks.tryAcquire('k', 1000, 0)).toBe(true);
        expect(locks.tryAcquire('k', 1000, 500)).toBe(false);
        expect(locks.tryAcquire('k', 1000, 1500)).toBe(true);
        expect(locks.release('k')).toBe(true);
        expect(locks.tryAcquire('k', 1000, 1600)).toBe(true);
        locks.releaseAll();
        expect(locks.release('k')).toBe(false);
    });
});
