// Whose rights a token carries, by application type and grant (PingOne's Worker-app and
// self-management-scope pages): the emulator must refuse what PingOne refuses.
import { describe, expect, it } from 'vitest';
import { emulatorForFile } from './fixture.js';
import { call } from './http.js';
import { codeTokens, pkcePair } from './oauth-flow.js';

const fixture = emulatorForFile({ users: 10, seed: 'app-types' });
const env = () => `/v1/environments/${fixture.emulator.environmentId}`;
const selfScopes = 'openid offline_access p1:read:user p1:update:user p1:read:userPassword p1:reset:userPassword p1:read:device p1:update:userMfaEnabled';

async function webToken(scope = selfScopes): Promise<{ token: string; userId: string }> {
    const result = await codeTokens(fixture.emulator, undefined, fixture.emulator.web, scope);
    expect(result.status).toBe(200);
    return {
        token: result.body.access_token,
        userId: String(JSON.parse(Buffer.from(String(String(result.body.access_token).split('.')[1]), 'base64url').toString()).sub),
    };
}

describe('seeded applications', () => {
    it('states each app type, grant types, auth method, and roles or scopes', () => {
        const { worker, adminSignOn, web } = fixture.emulator;
        expect(worker).toMatchObject({ type: 'WORKER', grantTypes: ['CLIENT_CREDENTIALS'], actsWith: 'application roles', scopes: [] });
        expect(worker.roles.map((grant) => grant.role)).toContain('Environment Admin');
        expect(adminSignOn).toMatchObject({
            type: 'WORKER',
            grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN'],
            pkceEnforcement: 'S256_REQUIRED',
            actsWith: 'signed-on user roles',
            roles: [],
        });
        expect(web).toMatchObject({ type: 'WEB_APP', actsWith: 'self-management scopes', roles: [] });
        expect(web.scopes).toEqual(expect.arrayContaining(['p1:read:user', 'p1:update:userMfaEnabled']));
        for (const app of [worker, adminSignOn, web]) expect(app.tokenEndpointAuthMethod).toMatch(/^CLIENT_SECRET_/);
        expect(fixture.emulator.signOnUser.roles.map((grant) => grant.role)).toContain('Environment Admin');
    });
});

describe('a Worker app signed on with the Authorization Code grant', () => {
    it("acts with the signed-on admin's roles", async () => {
        const result = await codeTokens(fixture.emulator, undefined, fixture.emulator.adminSignOn, 'openid offline_access');
        expect(result.status).toBe(200);
        expect(result.body.refresh_token).toEqual(expect.any(String));
        expect((await call(fixture.emulator, 'GET', `${env()}/users?limit=1`, { token: result.body.access_token })).status).toBe(200);
    });

    it('may not be given a self-management scope', async () => {
        const { challenge } = pkcePair('S256');
        const redirect = await call(
            fixture.emulator,
            'GET',
            `/${fixture.emulator.environmentId}/as/authorize?${new URLSearchParams({
                response_type: 'code',
                client_id: fixture.emulator.adminSignOn.clientId,
                redirect_uri: 'http://127.0.0.1/callback',
                scope: 'openid p1:read:user',
                code_challenge: challenge,
                code_challenge_method: 'S256',
            })}`,
        );
        expect(redirect.status).toBe(302);
        expect(new URL(String(redirect.headers.location)).searchParams.get('error')).toBe('invalid_scope');
    });
});

describe('an OIDC Web App token (self-service)', () => {
    it('reads and updates the signed-on user with its p1 scopes', async () => {
        const { token, userId } = await webToken();
        expect((await call(fixture.emulator, 'GET', `${env()}/users/${userId}`, { token })).status).toBe(200);
        expect((await call(fixture.emulator, 'PATCH', `${env()}/users/${userId}`, { token, json: { nickname: 'Me' } })).status).toBe(200);
        expect((await call(fixture.emulator, 'GET', `${env()}/users/${userId}/password`, { token })).status).toBe(200);
        expect((await call(fixture.emulator, 'GET', `${env()}/users/${userId}/devices`, { token })).status).toBe(200);
        expect((await call(fixture.emulator, 'PUT', `${env()}/users/${userId}/mfaEnabled`, { token, json: { mfaEnabled: true } })).status).toBe(200);
    });

    it("is refused on a collection, on another user, and for an admin-only operation, with PingOne's 403 body", async () => {
        const { token, userId } = await webToken();
        const other = fixture.emulator.admin.users.at(0);
        const refusals = [
            await call(fixture.emulator, 'GET', `${env()}/users?limit=1`, { token }),
            await call(fixture.emulator, 'GET', `${env()}/users/${String(other?.id)}`, { token }),
            await call(fixture.emulator, 'PUT', `${env()}/users/${userId}/enabled`, { token, json: { enabled: false } }),
            await call(fixture.emulator, 'PUT', `${env()}/users/${userId}/password`, {
                token,
                json: { value: 'Another-Password-1' },
                contentType: 'application/vnd.pingidentity.password.set+json',
            }),
            await call(fixture.emulator, 'GET', `${env()}/groups`, { token }),
        ];
        for (const refusal of refusals) {
            expect(refusal.status).toBe(403);
            expect(refusal.body).toMatchObject({ code: 'ACCESS_FAILED', details: [{ code: 'INSUFFICIENT_PERMISSIONS' }] });
        }
    });

    it('needs the scope of each operation in the token', async () => {
        const { token, userId } = await webToken('openid p1:read:user');
        expect((await call(fixture.emulator, 'GET', `${env()}/users/${userId}`, { token })).status).toBe(200);
        const update = await call(fixture.emulator, 'PATCH', `${env()}/users/${userId}`, { token, json: { nickname: 'Me' } });
        expect(update.status).toBe(403);
        expect(update.body.details[0].message).toContain('p1:update:user');
    });

    it('may not ask for a scope the app was not granted', async () => {
        const page = await call(
            fixture.emulator,
            'GET',
            `/${fixture.emulator.environmentId}/as/authorize?${new URLSearchParams({
                response_type: 'code',
                client_id: fixture.emulator.web.clientId,
                redirect_uri: 'http://127.0.0.1/callback',
                scope: 'openid p1:delete:sessions',
            })}`,
        );
        expect(new URL(String(page.headers.location)).searchParams.get('error')).toBe('invalid_scope');
    });
});

describe('a client-credentials token', () => {
    it('cannot be given a self-management scope', async () => {
        const { worker } = fixture.emulator;
        const result = await call(fixture.emulator, 'POST', `/${fixture.emulator.environmentId}/as/token`, {
            form: { grant_type: 'client_credentials', scope: 'p1:read:user', client_id: worker.clientId, client_secret: worker.clientSecret },
        });
        expect(result.status).toBe(400);
        expect(result.body.error).toBe('invalid_scope');
    });
});
