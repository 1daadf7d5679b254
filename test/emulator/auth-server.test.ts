import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { basic, call } from './http.js';
import { codeTokens, exchangeCode, pkcePair, refreshTokens, signOn } from './oauth-flow.js';

function decodeJwt(token: string): { header: Record<string, unknown>; claims: Record<string, unknown> } {
    const [header, claims] = token
        .split('.')
        .slice(0, 2)
        .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')));
    return { header, claims };
}

describe('emulator: auth server', () => {
    let emulator: TestEmulator;
    beforeAll(async () => {
        emulator = await startTestEmulator();
    });
    afterAll(() => emulator.close());

    const token = () => `/${emulator.environmentId}/as/token`;
    const authorize = () => `/${emulator.environmentId}/as/authorize`;
    const forwarded = { 'x-forwarded-host': 'auth.pingone.com', 'x-forwarded-proto': 'https' };

    it('issues an RS256 JWT for client_credentials with client_secret_post (the seeded Worker app), expires_in 3600 and PingOne issuer', async () => {
        const result = await call(emulator, 'POST', token(), {
            form: { grant_type: 'client_credentials', client_id: emulator.worker.clientId, client_secret: emulator.worker.clientSecret },
            headers: forwarded,
        });
        expect(result.status).toBe(200);
        expect(result.headers['cache-control']).toBe('no-store');
        expect(result.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
        const { header, claims } = decodeJwt(result.body.access_token);
        expect(header.alg).toBe('RS256');
        expect(claims.iss).toBe(`https://auth.pingone.com/${emulator.environmentId}/as`);
        expect(claims.client_id).toBe(emulator.worker.clientId);
    });

    it("answers 404 NOT_FOUND for another region's hosts, token and API alike, as PingOne's other regions do", async () => {
        const elsewhere = { 'x-forwarded-host': 'auth.pingone.eu', 'x-forwarded-proto': 'https' };
        const tokenAnswer = await call(emulator, 'POST', token(), {
            form: { grant_type: 'client_credentials', client_id: emulator.worker.clientId, client_secret: emulator.worker.clientSecret },
            headers: elsewhere,
        });
        expect(tokenAnswer.status).toBe(404);
        expect(tokenAnswer.body).toMatchObject({ code: 'NOT_FOUND' });
        const apiAnswer = await call(emulator, 'GET', `/v1/environments/${emulator.environmentId}`, {
            headers: { authorization: `Bearer ${await emulator.workerToken()}`, 'x-forwarded-host': 'api.pingone.eu' },
        });
        expect(apiAnswer.status).toBe(404);
    });

    it('verifies tokens against the published JWKS', async () => {
        const { createPublicKey, verify } = await import('node:crypto');
        const jwks = await call(emulator, 'GET', `/${emulator.environmentId}/as/jwks`);
        const access = await emulator.workerToken();
        const [head, payload, signature] = access.split('.') as [string, string, string];
        const key = createPublicKey({ key: jwks.body.keys[0], format: 'jwk' });
        expect(verify('sha256', Buffer.from(`${head}.${payload}`), key, Buffer.from(signature, 'base64url'))).toBe(true);
        expect(jwks.body.keys[0].kid).toBe(decodeJwt(access).header.kid);
    });

    it('serves discovery with forwarded-host endpoints', async () => {
        const result = await call(emulator, 'GET', `/${emulator.environmentId}/as/.well-known/openid-configuration`, { headers: forwarded });
        const base = `https://auth.pingone.com/${emulator.environmentId}/as`;
        expect(result.body).toMatchObject({
            issuer: base,
            token_endpoint: `${base}/token`,
            authorization_endpoint: `${base}/authorize`,
            jwks_uri: `${base}/jwks`,
        });
        expect(result.body.code_challenge_methods_supported).toEqual(['plain', 'S256']);
    });

    it('answers RFC 6749 errors: invalid_client 401, unsupported_grant_type, invalid_request', async () => {
        const wrongSecret = await call(emulator, 'POST', token(), {
            form: { grant_type: 'client_credentials' },
            headers: { authorization: basic(emulator.worker.clientId, 'nope') },
        });
        expect(wrongSecret.status).toBe(401);
        expect(wrongSecret.body.error).toBe('invalid_client');
        expect(wrongSecret.headers['www-authenticate']).toContain('Basic');
        const unknown = await call(emulator, 'POST', token(), {
            form: { grant_type: 'password', client_id: emulator.worker.clientId, client_secret: emulator.worker.clientSecret },
        });
        expect(unknown.status).toBe(400);
        expect(unknown.body.error).toBe('unsupported_grant_type');
        const missing = await call(emulator, 'POST', token(), {
            form: { client_id: emulator.worker.clientId, client_secret: emulator.worker.clientSecret },
        });
        expect(missing.body.error).toBe('invalid_request');
        const json = await call(emulator, 'POST', token(), { json: { grant_type: 'client_credentials' } });
        expect(json.status).toBe(400);
        expect(json.body.error).toBe('invalid_request');
        expect(wrongSecret.text).not.toContain(emulator.worker.clientSecret);
    });

    it('refuses the method the app is not set to with 401 invalid_client, as a wrong secret (RFC 6749 section 5.2)', async () => {
        const result = await call(emulator, 'POST', token(), {
            form: { grant_type: 'client_credentials' },
            headers: { authorization: basic(emulator.worker.clientId, emulator.worker.clientSecret) },
        });
        expect(result.status).toBe(401);
        expect(result.body.error).toBe('invalid_client');
    });

    it('accepts client_secret_post for an app configured so, and refuses a disabled app', async () => {
        const app = emulator.admin.createApplication({ tokenEndpointAuthMethod: 'CLIENT_SECRET_POST', roles: ['Identity Data Read Only'] });
        const ok = await call(emulator, 'POST', token(), {
            form: { grant_type: 'client_credentials', client_id: app.clientId, client_secret: app.clientSecret },
        });
        expect(ok.status).toBe(200);
        emulator.admin.updateApplication(app.clientId, { enabled: false });
        const disabled = await call(emulator, 'POST', token(), {
            form: { grant_type: 'client_credentials', client_id: app.clientId, client_secret: app.clientSecret },
        });
        expect(disabled.status).toBe(401);
        expect(disabled.body).toEqual({ error: 'invalid_client', error_description: expect.any(String) });
        // A token minted before the app was disabled stops working too.
        const api = await call(emulator, 'GET', `/v1/environments/${emulator.environmentId}/users`, { token: ok.body.access_token });
        expect(api.status).toBe(401);
    });

    it('refuses client_credentials for an app without that grant type (unauthorized_client)', async () => {
        const result = await call(emulator, 'POST', token(), {
            form: { grant_type: 'client_credentials', client_id: emulator.web.clientId, client_secret: emulator.web.clientSecret },
        });
        expect(result.status).toBe(400);
        expect(result.body.error).toBe('unauthorized_client');
    });

    it('runs authorization code + PKCE S256 on any loopback port, carrying state and returning refresh and ID tokens', async () => {
        const result = await codeTokens(emulator, 'http://127.0.0.1:61234/callback');
        expect(result.status).toBe(200);
        expect(result.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'openid profile email' });
        expect(typeof result.body.refresh_token).toBe('string');
        expect(decodeJwt(result.body.id_token).claims).toMatchObject({ aud: emulator.web.clientId, preferred_username: emulator.signOnUser.username });
        // The token acts as the signed-on admin.
        const users = await call(emulator, 'GET', `/v1/environments/${emulator.environmentId}/users?limit=1`, { token: result.body.access_token });
        expect(users.status).toBe(200);
    });

    it('supports PKCE plain, and refuses a wrong verifier with invalid_grant', async () => {
        for (const method of ['plain', 'S256'] as const) {
            const { verifier, challenge } = pkcePair(method);
            const parameters = {
                response_type: 'code',
                client_id: emulator.web.clientId,
                redirect_uri: 'http://127.0.0.1/callback',
                state: 's1',
                code_challenge: challenge,
                code_challenge_method: method,
            };
            const redirect = await signOn(emulator, parameters);
            expect(redirect.searchParams.get('state')).toBe('s1');
            const exchange = (codeVerifier: string) => exchangeCode(emulator, redirect, codeVerifier);
            const wrong = await exchange(pkcePair(method).verifier);
            expect(wrong.status).toBe(400);
            expect(wrong.body.error).toBe('invalid_grant');
            // The code was spent by the failed attempt: a code works once.
            const again = await exchange(verifier);
            expect(again.body.error).toBe('invalid_grant');
        }
        const { verifier, challenge } = pkcePair('plain');
        const redirect = await signOn(emulator, {
            response_type: 'code',
            client_id: emulator.web.clientId,
            redirect_uri: 'http://127.0.0.1/callback',
            code_challenge: challenge,
        });
        const ok = await exchangeCode(emulator, redirect, verifier);
        expect(ok.status).toBe(200);
    });

    it('rotates refresh tokens and revokes the family when an old one is reused', async () => {
        const first = (await codeTokens(emulator)).body.refresh_token as string;
        const refresh = (refreshToken: string) => refreshTokens(emulator, refreshToken);
        const second = await refresh(first);
        expect(second.status).toBe(200);
        expect(second.body.refresh_token).not.toBe(first);
        const reuse = await refresh(first);
        expect(reuse.status).toBe(400);
        expect(reuse.body.error).toBe('invalid_grant');
        // The rotated successor died with its family.
        const successor = await refresh(second.body.refresh_token);
        expect(successor.body.error).toBe('invalid_grant');
    });

    it('gives offline_access a working refresh token even when the app lacks the REFRESH_TOKEN grant, as PingOne does', async () => {
        const app = emulator.admin.createApplication({ type: 'WEB_APP', grantTypes: ['AUTHORIZATION_CODE'] });
        const offline = await codeTokens(emulator, undefined, app, 'openid offline_access');
        expect(typeof offline.body.refresh_token).toBe('string');
        const refreshed = await refreshTokens(emulator, offline.body.refresh_token, app);
        expect(refreshed.status).toBe(200);
        expect(typeof refreshed.body.refresh_token).toBe('string');
        // Without offline_access such an app gets no refresh token at all.
        expect((await codeTokens(emulator, undefined, app, 'openid')).body.refresh_token).toBeUndefined();
    });

    it("refuses another client's refresh token without spending it: the owner's next use still works", async () => {
        const owned = (await codeTokens(emulator)).body.refresh_token as string;
        const other = emulator.admin.createApplication({ type: 'WEB_APP' });
        const stolen = await refreshTokens(emulator, owned, other);
        expect(stolen.status).toBe(400);
        expect(stolen.body.error).toBe('invalid_grant');
        const mine = await refreshTokens(emulator, owned);
        expect(mine.status).toBe(200);
        expect(typeof mine.body.refresh_token).toBe('string');
    });

    it('answers a Basic header with bad percent-encoding with 401 invalid_client, not a server error', async () => {
        for (const credentials of ['%zz:secret', `${emulator.worker.clientId}:%E0%A4%A`]) {
            const result = await call(emulator, 'POST', token(), {
                form: { grant_type: 'client_credentials' },
                headers: { authorization: `Basic ${Buffer.from(credentials).toString('base64')}` },
            });
            expect(result.status, credentials).toBe(401);
            expect(result.body).toEqual({ error: 'invalid_client', error_description: expect.stringContaining('form-urlencoded') });
            expect(result.headers['www-authenticate']).toContain('Basic');
        }
    });

    it('answers authorize errors: bad redirect URI on a page, the rest by redirect with state', async () => {
        const badRedirect = await call(
            emulator,
            'GET',
            `${authorize()}?${new URLSearchParams({ response_type: 'code', client_id: emulator.web.clientId, redirect_uri: 'https://evil.example/cb' })}`,
        );
        expect(badRedirect.status).toBe(400);
        expect(badRedirect.headers['content-type']).toContain('text/html');
        expect(badRedirect.text).toContain('redirect_uri_mismatch');
        const badType = await call(
            emulator,
            'GET',
            `${authorize()}?${new URLSearchParams({ response_type: 'token', client_id: emulator.web.clientId, redirect_uri: 'http://127.0.0.1/callback', state: 'st' })}`,
        );
        expect(badType.status).toBe(302);
        const location = new URL(String(badType.headers.location));
        expect(location.searchParams.get('error')).toBe('unsupported_response_type');
        expect(location.searchParams.get('state')).toBe('st');
        const wrongPassword = await call(emulator, 'POST', authorize(), {
            form: {
                response_type: 'code',
                client_id: emulator.web.clientId,
                redirect_uri: 'http://127.0.0.1/callback',
                username: emulator.signOnUser.username,
                password: 'wrong',
            },
        });
        expect(wrongPassword.status).toBe(401);
        expect(wrongPassword.text).toContain('incorrect');
        const cancelled = await call(emulator, 'POST', authorize(), {
            form: { response_type: 'code', client_id: emulator.web.clientId, redirect_uri: 'http://127.0.0.1/callback', state: 'c', action: 'cancel' },
        });
        expect(new URL(String(cancelled.headers.location)).searchParams.get('error')).toBe('access_denied');
    });

    it('signs the seeded user in without a page when autoSignOn is on', async () => {
        emulator.admin.setAutoSignOn(true);
        try {
            const result = await call(
                emulator,
                'GET',
                `${authorize()}?${new URLSearchParams({ response_type: 'code', client_id: emulator.web.clientId, redirect_uri: 'http://127.0.0.1:9999/callback', state: 'a' })}`,
            );
            expect(result.status).toBe(302);
            const location = new URL(String(result.headers.location));
            expect(location.origin).toBe('http://127.0.0.1:9999');
            expect(location.searchParams.get('code')).toBeTruthy();
        } finally {
            emulator.admin.setAutoSignOn(false);
        }
    });

    it('lets tokens expire after a short configured lifetime', async () => {
        emulator.admin.setTokenLifetime(1);
        try {
            const result = await call(emulator, 'POST', token(), {
                form: { grant_type: 'client_credentials', client_id: emulator.worker.clientId, client_secret: emulator.worker.clientSecret },
            });
            expect(result.body.expires_in).toBe(1);
            await new Promise((resolve) => setTimeout(resolve, 2100));
            const api = await call(emulator, 'GET', `/v1/environments/${emulator.environmentId}/users`, { token: result.body.access_token });
            expect(api.status).toBe(401);
            expect(api.body.details[0].code).toBe('INVALID_TOKEN');
        } finally {
            emulator.admin.setTokenLifetime(3600);
        }
    });

    it('counts token requests in the statistics', async () => {
        emulator.admin.resetStats();
        await emulator.workerToken();
        await emulator.workerToken();
        expect(emulator.admin.stats().tokenRequests).toBe(2);
    });
});

describe('emulator: public clients and configured auth methods', () => {
    it('lets a NONE client (public, PKCE) exchange a code with client_id alone, and refuses it a secret', async () => {
        const emulator = await startTestEmulator();
        try {
            const app = emulator.admin.createApplication({ type: 'NATIVE_APP', tokenEndpointAuthMethod: 'NONE', pkceEnforcement: 'S256_REQUIRED' });
            const { verifier, challenge } = pkcePair('S256');
            const withoutPkce = await call(
                emulator,
                'GET',
                `/${emulator.environmentId}/as/authorize?${new URLSearchParams({ response_type: 'code', client_id: app.clientId, redirect_uri: 'http://127.0.0.1/callback' })}`,
            );
            expect(new URL(String(withoutPkce.headers.location)).searchParams.get('error')).toBe('invalid_request');
            const redirect = await signOn(emulator, {
                response_type: 'code',
                client_id: app.clientId,
                redirect_uri: 'http://127.0.0.1/callback',
                code_challenge: challenge,
                code_challenge_method: 'S256',
            });
            const form = {
                grant_type: 'authorization_code',
                code: String(redirect.searchParams.get('code')),
                redirect_uri: 'http://127.0.0.1/callback',
                code_verifier: verifier,
                client_id: app.clientId,
            };
            const withSecret = await call(emulator, 'POST', `/${emulator.environmentId}/as/token`, { form: { ...form, client_secret: app.clientSecret } });
            expect(withSecret.body.error).toBe('invalid_client');
            const ok = await call(emulator, 'POST', `/${emulator.environmentId}/as/token`, { form });
            expect(ok.status).toBe(200);
        } finally {
            await emulator.close();
        }
    });

    it('gives the test helper a Worker token whichever auth method the Worker app was set to', async () => {
        const emulator = await startTestEmulator({ worker: { tokenEndpointAuthMethod: 'CLIENT_SECRET_BASIC' } });
        try {
            expect((await emulator.workerToken()).split('.')).toHaveLength(3);
        } finally {
            await emulator.close();
        }
    });
});
