import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectorFor } from '../../src/connections/connector-for.js';
import { connectionFromNango } from '../../src/connections/from-nango.js';
import { resolveConnectionSpec } from '../../src/connections/resolve-spec.js';
import { startNangoStandIn, type NangoStandIn } from '../support/nango-stand-in.js';

const environmentId = 'f2aba07d-270c-42ba-8811-01af5f63d458';

describe('resolveConnectionSpec', () => {
    it('takes flags over variables, and keeps secrets out of the config', () => {
        const spec = resolveConnectionSpec(
            'prod',
            { provider: 'pingone-cc', tld: 'eu', clientId: 'flag-client' },
            { PINGONE_ENVIRONMENT_ID: environmentId, PINGONE_TLD: 'ca', PINGONE_CLIENT_ID: 'env-client', PINGONE_CLIENT_SECRET: 'env-secret-value' },
            connectorFor,
        );
        expect(spec).toMatchObject({
            name: 'prod',
            provider: 'pingone-cc',
            config: { environmentId, tld: 'eu' },
            secrets: { clientId: 'flag-client', clientSecret: 'env-secret-value' },
        });
        expect(JSON.stringify(spec.config)).not.toContain('secret');
    });

    it('names what is missing and where to find it', () => {
        expect(() => resolveConnectionSpec('x', { provider: 'pingone-cc' }, {}, connectorFor)).toThrow(
            expect.objectContaining({ code: 'invalid_config', field: 'environmentId' }),
        );
        expect(() => resolveConnectionSpec('x', { provider: 'pingone-cc', environmentId, clientId: 'c' }, {}, connectorFor)).toThrow(
            expect.objectContaining({ code: 'invalid_config', field: 'clientSecret' }),
        );
    });

    it('refuses a guide shortcut that contradicts --tld, --environment-id or the other shortcut, naming both flags', () => {
        const url = `https://auth.pingone.eu/${environmentId}/as/authorize`;
        const credentials = { clientId: 'c', clientSecret: 's' };
        const cases: Array<[Parameters<typeof resolveConnectionSpec>[1], string, RegExp]> = [
            [{ authDomain: 'auth.pingone.eu', tld: 'com' }, '--tld', /--tld and --auth-domain name different regions \("com" and "eu"\)/],
            [{ authorizationUrl: url, tld: 'ca' }, '--tld', /--tld and --authorization-url/],
            [{ authorizationUrl: url, authDomain: 'auth.pingone.com' }, '--auth-domain', /--auth-domain and --authorization-url/],
            [
                { authorizationUrl: url, environmentId: '11111111-1111-4111-8111-111111111111' },
                '--environment-id',
                /--environment-id and --authorization-url name different environments/,
            ],
        ];
        for (const [flags, flag, message] of cases) {
            expect(() => resolveConnectionSpec('x', { ...flags, ...credentials }, {}, connectorFor)).toThrow(
                expect.objectContaining({ code: 'usage', flag, message: expect.stringMatching(message) }),
            );
        }
        // Saying the same thing twice is fine, and a shortcut wins over variables.
        const spec = resolveConnectionSpec('x', { authorizationUrl: url, tld: 'eu', environmentId, ...credentials }, { PINGONE_TLD: 'ca' }, connectorFor);
        expect(spec.config).toEqual({ environmentId, tld: 'eu' });
    });

    it('lets the connector refuse a bad region or environment before any URL exists', () => {
        expect(() => resolveConnectionSpec('x', { environmentId, tld: 'com.evil.example', clientId: 'c', clientSecret: 's' }, {}, connectorFor)).toThrow(
            expect.objectContaining({ code: 'invalid_config', field: 'tld' }),
        );
        expect(() => resolveConnectionSpec('x', { environmentId: 'not-a-uuid', clientId: 'c', clientSecret: 's' }, {}, connectorFor)).toThrow(
            expect.objectContaining({ code: 'invalid_config', field: 'environmentId' }),
        );
    });

    it('refuses an unknown provider or auth method as bad usage', () => {
        expect(() => resolveConnectionSpec('x', { provider: 'okta' }, {}, connectorFor)).toThrow(
            expect.objectContaining({ code: 'usage', flag: '--provider' }),
        );
        expect(() => resolveConnectionSpec('x', { environmentId, clientId: 'c', clientSecret: 's', authMethod: 'private_key_jwt' }, {}, connectorFor)).toThrow(
            expect.objectContaining({ code: 'usage', flag: '--auth-method' }),
        );
    });

    it('takes every spelling of the auth method the Connect UI takes', () => {
        const credentials = { environmentId, clientId: 'c', clientSecret: 's' };
        const cases: Array<[string, string]> = [
            ['client_secret_post', 'client_secret_post'],
            ['post', 'client_secret_post'],
            ['CLIENT_SECRET_POST', 'client_secret_post'],
            ['basic', 'client_secret_basic'],
            ['client-secret-basic', 'client_secret_basic'],
        ];
        for (const [given, method] of cases) {
            expect(resolveConnectionSpec('x', { ...credentials, authMethod: given }, {}, connectorFor).authMethod, given).toBe(method);
        }
        expect(resolveConnectionSpec('x', credentials, { PINGONE_TOKEN_AUTH_METHOD: 'Post' }, connectorFor).authMethod).toBe('client_secret_post');
        expect(resolveConnectionSpec('x', credentials, {}, connectorFor).authMethod).toBeUndefined();
        // A blank .env line chooses nothing: the connection keeps PingOne's default, unsaved.
        expect(resolveConnectionSpec('x', credentials, { PINGONE_TOKEN_AUTH_METHOD: ' ' }, connectorFor).authMethod).toBeUndefined();
    });

    it('asks for the client secret of the authorization-code app (pingone) before any sign-on', () => {
        expect(() => resolveConnectionSpec('x', { provider: 'pingone', environmentId, clientId: 'c' }, {}, connectorFor)).toThrow(
            expect.objectContaining({ code: 'invalid_config', field: 'clientSecret' }),
        );
    });

    it("takes the provider's other config fields from --config (pingone-advanced-services), and refuses fields it does not have", () => {
        const config = { scope: 'self-service-api', environment: 'prod', customer: 'acme', region: 'us1' };
        const credentials = { clientId: 'c', clientSecret: 's' };
        const spec = resolveConnectionSpec(
            'pas',
            { provider: 'pingone-advanced-services', environmentId, tld: 'eu', config, ...credentials },
            {},
            connectorFor,
        );
        expect(spec).toMatchObject({ provider: 'pingone-advanced-services', config: { environmentId, tld: 'eu', ...config } });
        expect(() => resolveConnectionSpec('pas', { provider: 'pingone-advanced-services', environmentId, ...credentials }, {}, connectorFor)).toThrow(
            expect.objectContaining({ code: 'invalid_config' }),
        );
        expect(() => resolveConnectionSpec('cc', { environmentId, config: { scope: 'x' }, ...credentials }, {}, connectorFor)).toThrow(
            expect.objectContaining({ code: 'usage', flag: '--config', message: expect.stringMatching(/pingone-cc has no connection-config field "scope"/) }),
        );
        expect(() => resolveConnectionSpec('cc', { environmentId, config: { tld: 'eu' }, ...credentials }, {}, connectorFor)).toThrow(
            expect.objectContaining({ code: 'usage', flag: '--config', hint: 'Pass --tld instead.' }),
        );
    });
});

describe('connectionFromNango', () => {
    let nango: NangoStandIn;
    beforeAll(async () => {
        nango = await startNangoStandIn([
            {
                connection_id: 'admin-signon',
                provider_config_key: 'my-pingone',
                provider: 'pingone',
                connection_config: { environmentId, tld: 'eu' },
                credentials: {
                    type: 'OAUTH2',
                    access_token: 'nango-access-token-1',
                    refresh_token: 'nango-refresh-token-1',
                    expires_at: '2030-01-01T00:00:00.000Z',
                    raw: {},
                },
            },
        ]);
    });
    afterAll(() => nango.close());

    it('finds the integration, validates the config, and copies the access token but never the rotating refresh token', async () => {
        const spec = await connectionFromNango({
            name: 'copied',
            nangoConnectionId: 'admin-signon',
            settings: { NANGO_HOSTPORT: nango.url, NANGO_SECRET_KEY: nango.secretKey },
            connectorFor,
        });
        expect(spec).toMatchObject({ name: 'copied', provider: 'pingone', config: { environmentId, tld: 'eu' } });
        expect(spec.secrets).toEqual({ accessToken: 'nango-access-token-1', accessTokenExpiresAt: '2030-01-01T00:00:00.000Z' });
        expect(nango.requests.map((r) => r.path)).toEqual(['/connections', '/connections/admin-signon']);
    });

    it('asks for NANGO_SECRET_KEY when it is missing, without calling Nango', async () => {
        const before = nango.requests.length;
        await expect(
            connectionFromNango({ name: 'x', nangoConnectionId: 'admin-signon', settings: { NANGO_HOSTPORT: nango.url }, connectorFor }),
        ).rejects.toMatchObject({
            code: 'usage',
        });
        expect(nango.requests.length).toBe(before);
    });
});
