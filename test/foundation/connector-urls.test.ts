import { describe, expect, it } from 'vitest';
import { connectors, getConnector, providerKeys, type ProviderConnector } from '../../connectors/registry.generated.js';
import { InvalidConfigError, NotFoundError } from '../../src/errors/index.js';

const environmentId = 'f2aba07d-270c-42ba-8811-01af5f63d458';
const tlds = ['com', 'ca', 'eu', 'com.au', 'sg', 'asia'] as const;
const advancedHost = { scope: 'self-service-api', environment: 'prod', customer: 'acme', region: 'us1' };

/** A valid config for any provider: the PingOne fields plus, for Advanced Services, its host parts. */
function configFor(connector: ProviderConnector, tld: string): Record<string, string> {
    const base = { environmentId, tld };
    return 'customer' in connector.definition.connection_config ? { ...base, ...advancedHost } : base;
}

const authorization = {
    clientId: 'client-1',
    redirectUri: 'http://127.0.0.1:5000/callback',
    state: 'state-1',
    codeChallenge: 'challenge-1',
    codeChallengeMethod: 'S256' as const,
    scopes: ['openid', 'profile'],
};

describe('URLs for every provider and every top level domain', () => {
    it('registers the three providers in providers.yaml order', () => {
        expect(providerKeys).toEqual(['pingone', 'pingone-cc', 'pingone-advanced-services']);
        expect(Object.keys(connectors)).toEqual([...providerKeys]);
    });

    for (const key of providerKeys) {
        for (const tld of tlds) {
            it(`${key} with tld ${tld}: token URL on auth.pingone.${tld}, hosts limited to the connection`, () => {
                const connector = getConnector(key);
                const config = configFor(connector, tld);
                expect(connector.tokenUrl(config).href).toBe(`https://auth.pingone.${tld}/${environmentId}/as/token`);
                const apiHost = key === 'pingone-advanced-services' ? 'self-service-api.prod-acme.us1.ping.cloud' : `api.pingone.${tld}`;
                expect(connector.apiBaseUrl(config).href).toBe(`https://${apiHost}/`);
                expect(connector.allowedHosts(config)).toEqual([`auth.pingone.${tld}`, apiHost]);
            });
        }
    }

    for (const tld of tlds) {
        it(`pingone authorization URL for tld ${tld} carries PKCE, state and scopes`, () => {
            const url = getConnector('pingone').authorizationUrl!({ environmentId, tld }, authorization);
            expect(url.origin + url.pathname).toBe(`https://auth.pingone.${tld}/${environmentId}/as/authorize`);
            expect(Object.fromEntries(url.searchParams)).toEqual({
                response_type: 'code',
                client_id: 'client-1',
                redirect_uri: 'http://127.0.0.1:5000/callback',
                scope: 'openid profile',
                state: 'state-1',
                code_challenge: 'challenge-1',
                code_challenge_method: 'S256',
            });
        });
    }

    it('only the authorization-code provider has an authorization URL', () => {
        expect(getConnector('pingone').authorizationUrl).toBeTypeOf('function');
        expect(getConnector('pingone-cc').authorizationUrl).toBeUndefined();
        expect(getConnector('pingone-advanced-services').authorizationUrl).toBeUndefined();
    });

    it('Advanced Services asks for its resource scope in the token request', () => {
        const connector = getConnector('pingone-advanced-services');
        expect(connector.tokenParams(configFor(connector, 'eu'))).toEqual({ grant_type: 'client_credentials', scope: 'self-service-api' });
        expect(getConnector('pingone-cc').tokenParams({ environmentId, tld: 'eu' })).toEqual({ grant_type: 'client_credentials' });
    });

    it('an unknown provider key is a NotFoundError that lists the known ones', () => {
        expect(() => getConnector('pingone-evil')).toThrow(NotFoundError);
        expect(() => getConnector('pingone-evil')).toThrow(/Unknown provider "pingone-evil"/);
    });

    it('parseConnectionConfig returns a valid config unchanged', () => {
        expect(getConnector('pingone-cc').parseConnectionConfig({ environmentId, tld: 'com.au' })).toEqual({ environmentId, tld: 'com.au' });
    });

    it('parseCredentials refuses a missing secret by name without echoing any value', () => {
        const error = catchError(() => getConnector('pingone-cc').parseCredentials({ clientId: 'id-with-secret-looking-value', clientSecret: '' }));
        expect(error).toBeInstanceOf(InvalidConfigError);
        expect((error as InvalidConfigError).field).toBe('clientSecret');
        expect(JSON.stringify({ message: (error as Error).message, hint: (error as InvalidConfigError).hint })).not.toContain('id-with-secret-looking-value');
    });
});

export function catchError(run: () => unknown): unknown {
    try {
        run();
    } catch (error) {
        return error;
    }
    throw new Error('expected an error');
}
