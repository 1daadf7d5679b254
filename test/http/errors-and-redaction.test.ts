import { describe, expect, it } from 'vitest';
import { PingOneApiError, RateLimitedError } from '../../src/errors/index.js';
import { parseRetryAfter, redactHeaders, redactText, redactValue, backoffDelay } from '../../src/http/index.js';
import { sendJson } from '../support/loopback-server.js';
import { failureOf, serverAndDispatcher } from './fixture.js';

describe('PingOne error bodies', () => {
    it('become a PingOneApiError with PingOne code, details, target, innerError and id', async () => {
        const body = {
            id: '6c796712-0f16-4062-815a-e0a92f4a2143',
            code: 'INVALID_DATA',
            message: 'The request could not be completed. One or more validation errors were in the request.',
            details: [{ code: 'UNIQUENESS_VIOLATION', target: 'username', message: 'must be unique', innerError: { existingId: 'u-1' } }],
        };
        const { dispatcher } = await serverAndDispatcher((_request, response) => sendJson(response, 400, body));
        const error: unknown = await failureOf(dispatcher, {
            method: 'POST',
            url: 'https://api.pingone.com/v1/environments/env/users?filter=secret-ish',
            json: { password: 'P@ssw0rd-in-body' },
        });
        expect(error).toBeInstanceOf(PingOneApiError);
        const failure = error as PingOneApiError;
        expect(failure).toMatchObject({ code: 'pingone_error', status: 400, pingOneCode: 'INVALID_DATA', id: body.id, path: '/v1/environments/env/users' });
        expect(failure.detailCodes).toEqual(['UNIQUENESS_VIOLATION']);
        expect(failure.details[0]).toMatchObject({ target: 'username', innerError: { existingId: 'u-1' } });
        expect(failure.message).toContain('UNIQUENESS_VIOLATION (username)');
        expect(failure.message).not.toContain('secret-ish');
        expect(failure.message).not.toContain('P@ssw0rd');
    });

    it('turn a 429 into a RateLimitedError carrying Retry-After, which is also a PingOneApiError', async () => {
        const { dispatcher } = await serverAndDispatcher((_request, response) =>
            sendJson(response, 429, { id: 'x', code: 'REQUEST_LIMITED', message: 'Too many' }, { 'retry-after': '90' }),
        );
        const error: unknown = await failureOf(dispatcher, { url: 'https://api.pingone.com/v1/environments/env' });
        expect(error).toBeInstanceOf(RateLimitedError);
        expect(error).toBeInstanceOf(PingOneApiError);
        expect(error).toMatchObject({ code: 'rate_limited', retryAfterMs: 90_000, status: 429, pingOneCode: 'REQUEST_LIMITED' });
        expect(new PingOneApiError({ status: 400, method: 'GET', path: '/' })).not.toBeInstanceOf(RateLimitedError);
    });

    it('still name the status when the body is not PingOne shaped', async () => {
        const { dispatcher } = await serverAndDispatcher(
            (_request, response) => {
                response.writeHead(502, { 'content-type': 'text/html' });
                response.end('<html>bad gateway</html>');
            },
            { retry: { maxRetries: 0 } },
        );
        expect((await failureOf(dispatcher, { url: 'https://api.pingone.com/v1/x' })).message).toContain('PingOne answered 502 to GET /v1/x: HTTP 502');
    });
});

describe('Retry-After and backoff', () => {
    it('reads seconds and HTTP dates, and ignores what it cannot read', () => {
        const now = Date.parse('2026-01-01T00:00:00Z');
        expect(parseRetryAfter('3', now)).toBe(3000);
        expect(parseRetryAfter(' 0.5 ', now)).toBe(500);
        expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10_000);
        expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
        expect(parseRetryAfter('soon', now)).toBeUndefined();
        expect(parseRetryAfter(undefined, now)).toBeUndefined();
    });

    it('draws a full-jitter delay under a doubling ceiling capped at maxDelayMs', () => {
        const options = { baseDelayMs: 100, maxDelayMs: 1000 };
        expect(backoffDelay(0, options, () => 0.999)).toBe(99);
        expect(backoffDelay(2, options, () => 0.5)).toBe(200);
        expect(backoffDelay(10, options, () => 0.999)).toBe(999);
        expect(backoffDelay(3, options, () => 0)).toBe(0);
    });
});

describe('redaction', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.sig-nature_value';

    it('scrubs authorization values, JWTs, token fields and known secrets from text', () => {
        const text = `Authorization: Bearer abc.def-ghi; Basic dXNlcjpwYXNz; ${jwt}; refresh_token=rt-123&x=1; {"access_token":"at-9","client_secret":"s\\"x"} my-known-secret ?code=authcode1&state=s`;
        const out = redactText(text, ['my-known-secret']);
        for (const leaked of ['abc.def-ghi', 'dXNlcjpwYXNz', jwt, 'rt-123', 'at-9', 's\\"x', 'my-known-secret', 'authcode1']) expect(out).not.toContain(leaked);
        expect(out).toContain('x=1');
        expect(out).toContain('state=s');
    });

    it('keeps prose that merely names an authentication scheme', () => {
        const hint = 'Pick Client Secret Basic or Client Secret Post; Bearer authentication follows.';
        expect(redactText(hint)).toBe(hint);
        expect(redactText('Basic dXNlcjpwYXNz or Bearer abcdefghijklmnopqrstuvwxyz')).toBe('Basic [redacted] or Bearer [redacted]');
    });

    it('masks secret-named fields and headers deep in a value, keeping the rest', () => {
        const value = {
            clientId: 'c-1',
            clientSecret: 'cs',
            tokenEndpointAuthMethod: 'CLIENT_SECRET_BASIC',
            nested: [{ refresh_token: 'rt', note: `Bearer ${jwt}` }],
        };
        expect(redactValue(value)).toEqual({
            clientId: 'c-1',
            clientSecret: '[redacted]',
            tokenEndpointAuthMethod: 'CLIENT_SECRET_BASIC',
            nested: [{ refresh_token: '[redacted]', note: 'Bearer [redacted]' }],
        });
        expect(redactHeaders({ Authorization: 'Basic x', accept: 'application/json' })).toEqual({ Authorization: '[redacted]', accept: 'application/json' });
    });
});
