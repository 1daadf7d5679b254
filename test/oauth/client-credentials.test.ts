import { describe, expect, it } from 'vitest';
import { AuthFailedError, RateLimitedError } from '../../src/errors/index.js';
import { sendJson, startLoopbackServer } from '../support/loopback-server.js';
import { authorizedRequest, clientCredentialsTokenSource } from '../../src/oauth/index.js';
import { getConnector } from '../../connectors/registry.generated.js';
import { createPingOneDispatcher, type HttpLogEvent } from '../../src/http/index.js';
import { useEmulator } from './fixture.js';

const { emulator, client } = useEmulator();

function environmentUrl(): string {
    return `https://api.pingone.${emulator().tld}/v1/environments/${emulator().environmentId}`;
}

describe('client credentials against the emulator', () => {
    it.each([
        ['client_secret_post', 'CLIENT_SECRET_POST'],
        ['client_secret_basic', 'CLIENT_SECRET_BASIC'],
    ] as const)('gets a token with %s and reads the environment with it', async (authMethod, setting) => {
        const app = emulator().admin.createApplication({ tokenEndpointAuthMethod: setting, roles: ['Environment Admin'] });
        const tokens = clientCredentialsTokenSource(client(app, authMethod));
        const response = await authorizedRequest(tokens, client(app, authMethod).dispatcher, { url: environmentUrl() });
        expect(response.status).toBe(200);
        expect(tokens.stats.tokenRequests).toBe(1);
    });

    it('classifies a refused method by its code, invalid_client, and names the method used and the other one', async () => {
        const app = emulator().admin.createApplication({ tokenEndpointAuthMethod: 'CLIENT_SECRET_BASIC' });
        const error: unknown = await clientCredentialsTokenSource(client(app, 'client_secret_post'))
            .getAccessToken()
            .catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(AuthFailedError);
        expect(error).toMatchObject({ reason: 'invalid_client', oauthError: 'invalid_client', status: 401 });
        expect((error as AuthFailedError).message).toContain('Client Secret Post');
        expect((error as AuthFailedError).hint).toContain('--auth-method client_secret_basic');
    });

    it('answers a wrong secret and a disabled app alike, invalid_client, whose hint names both, and never shows the secret', async () => {
        const app = emulator().admin.createApplication({ tokenEndpointAuthMethod: 'CLIENT_SECRET_BASIC' });
        const wrong = { clientId: app.clientId, clientSecret: `${app.clientSecret}-wrong` };
        const refused: unknown = await clientCredentialsTokenSource(client(wrong, 'client_secret_basic'))
            .getAccessToken()
            .catch((caught: unknown) => caught);
        expect(refused).toMatchObject({ code: 'auth_failed', reason: 'invalid_client', field: 'clientSecret' });

        emulator().admin.updateApplication(app.clientId, { enabled: false });
        const disabled: unknown = await clientCredentialsTokenSource(client(app, 'client_secret_basic'))
            .getAccessToken()
            .catch((caught: unknown) => caught);
        expect(disabled).toMatchObject({ reason: 'invalid_client' });
        for (const error of [refused, disabled] as AuthFailedError[]) {
            expect(error.hint).toMatch(/Client Secret.*enabled/);
            const shown = `${error.message} ${error.hint ?? ''} ${JSON.stringify(error)}`;
            expect(shown).not.toContain(app.clientSecret);
        }
    });

    it('logs token and API requests without the secret, the token or the Authorization header', async () => {
        const app = emulator().admin.createApplication({ tokenEndpointAuthMethod: 'CLIENT_SECRET_POST', roles: ['Environment Admin'] });
        const events: HttpLogEvent[] = [];
        const connector = getConnector('pingone-cc');
        const config = { tld: emulator().tld, environmentId: emulator().environmentId };
        const dispatcher = createPingOneDispatcher({
            allowedHosts: connector.allowedHosts(config),
            emulatorOrigin: emulator().url,
            logger: (event) => events.push(event),
        });
        try {
            const tokens = clientCredentialsTokenSource({ connector, config, credentials: app, authMethod: 'client_secret_post', dispatcher });
            await authorizedRequest(tokens, dispatcher, { url: environmentUrl() });
            const logged = JSON.stringify(events);
            expect(events.map((event) => event.type)).toEqual(['response', 'response']);
            for (const secret of tokens.secrets()) expect(logged).not.toContain(secret);
            expect(tokens.secrets()).toContain(app.clientSecret);
            expect(logged).not.toMatch(/authorization|bearer/i);
        } finally {
            await dispatcher.close();
        }
    });

    it('makes one token request for 64 concurrent callers', async () => {
        const app = emulator().admin.createApplication({ tokenEndpointAuthMethod: 'CLIENT_SECRET_POST' });
        const tokenClient = client(app, 'client_secret_post');
        const tokens = clientCredentialsTokenSource(tokenClient);
        const all = await Promise.all(Array.from({ length: 64 }, () => tokens.getAccessToken()));
        expect(new Set(all).size).toBe(1);
        expect(tokens.stats.tokenRequests).toBe(1);
        expect(tokenClient.dispatcher.stats.requests).toBe(1);
        expect(await tokens.getAccessToken()).toBe(all[0]);
        expect(tokens.stats.tokenRequests).toBe(1);
    });

    it('re-mints once when the API answers 401, and the call goes through', async () => {
        const app = emulator().admin.createApplication({ tokenEndpointAuthMethod: 'CLIENT_SECRET_POST', roles: ['Environment Admin'] });
        const tokenClient = client(app, 'client_secret_post');
        const tokens = clientCredentialsTokenSource(tokenClient);
        const first = await tokens.getAccessToken();
        emulator().admin.expireAccessTokens();
        // The emulator refuses every token issued before the next whole second; wait for it so the re-minted one is valid.
        await new Promise((resolve) => setTimeout(resolve, 1100));
        const response = await authorizedRequest(tokens, tokenClient.dispatcher, { url: environmentUrl() });
        expect(response.status).toBe(200);
        expect(tokens.stats.tokenRequests).toBe(2);
        expect(await tokens.getAccessToken()).not.toBe(first);
    });

    it('renews a token before it expires (early expiry), one request per lifetime', async () => {
        emulator().admin.setTokenLifetime(2);
        try {
            const app = emulator().admin.createApplication({ tokenEndpointAuthMethod: 'CLIENT_SECRET_POST' });
            const tokens = clientCredentialsTokenSource(client(app, 'client_secret_post'));
            const first = await tokens.getAccessToken();
            expect(await tokens.getAccessToken()).toBe(first);
            await new Promise((resolve) => setTimeout(resolve, 2000));
            expect(await tokens.getAccessToken()).not.toBe(first);
            expect(tokens.stats.tokenRequests).toBe(2);
        } finally {
            emulator().admin.setTokenLifetime(3600);
        }
    });
});

describe('a busy token endpoint', () => {
    it('is a RateLimitedError after the retries, not a refusal of the credentials', async () => {
        // The emulator's rate limit does not cover the token endpoint on cue; a loopback server does.
        const server = await startLoopbackServer((_request, response) => sendJson(response, 429, { error: 'slow_down' }, { 'retry-after': '0' }));
        const connector = getConnector('pingone-cc');
        const config = { tld: 'com', environmentId: '0f5e6a3c-1d2b-4c8e-9f00-112233445566' };
        const dispatcher = createPingOneDispatcher({ allowedHosts: connector.allowedHosts(config), emulatorOrigin: server.origin, retry: { maxRetries: 1 } });
        try {
            const tokens = clientCredentialsTokenSource({
                connector,
                config,
                credentials: { clientId: 'c', clientSecret: 'secret-value-1' },
                authMethod: 'client_secret_post',
                dispatcher,
            });
            await expect(tokens.getAccessToken()).rejects.toBeInstanceOf(RateLimitedError);
            expect(server.requests).toHaveLength(2);
        } finally {
            await dispatcher.close();
            await server.close();
        }
    });
});
