import { describe, expect, it } from 'vitest';
import { getConnector, providerKeys, type ProviderConnector } from '../../connectors/registry.generated.js';
import { InvalidConfigError } from '../../src/errors/index.js';

// Values an attacker (or a careless paste) could put in a connection config to move the token
// request elsewhere. Each must be refused by every builder, naming the field, before any URL exists.

const environmentId = 'f2aba07d-270c-42ba-8811-01af5f63d458';

const hostileTlds = [
    'com.evil.example',
    'com@evil.example',
    'com@10.0.0.5',
    'com/',
    'com?x=',
    'com#',
    'COM',
    ' com',
    'com ',
    'com\n',
    'com\u0000',
    'eu%2Eevil',
    'e\u0075\u200b', // zero-width space after "eu"
    'ｃｏｍ', // full-width look-alike
    'сom', // Cyrillic es
    'eu.',
    '.eu',
    'com:8443',
    '',
];

const hostileEnvironmentIds = [
    '../..',
    '%2e%2e',
    '..',
    `${environmentId}/../../evil`,
    `${environmentId}?x=1`,
    `${environmentId}#frag`,
    `${environmentId}/`,
    `${environmentId}@evil.example`,
    `${environmentId}\n`,
    ` ${environmentId}`,
    environmentId.slice(0, 35),
    `${environmentId}0`,
    environmentId.replace(/-/g, ''),
    'f2aba07d-270c-42ba-8811-01af5f63d45g',
    'ｆ2aba07d-270c-42ba-8811-01af5f63d458',
    '',
];

const hostileAdvanced: Record<string, string[]> = {
    environment: ['prod.evil.example', 'prod@evil', 'Prod', 'prod-acme', 'prod/', ''],
    customer: ['acme.evil.example', 'acme@evil.example', '-acme', 'acme-', 'acme/x', 'ACME', 'acme%2Eevil', ''],
    region: ['us1.evil.example', 'us1/', 'us1?', 'us1#', 'us1 ', 'US1', 'us1.ping.cloud.evil', ''],
    scope: ['scope with spaces', 'scope\nx', '', '-'.repeat(200)],
};

function validConfig(connector: ProviderConnector): Record<string, string> {
    const base = { environmentId, tld: 'eu' };
    return 'customer' in connector.definition.connection_config
        ? { ...base, scope: 'self-service-api', environment: 'prod', customer: 'acme', region: 'us1' }
        : base;
}

/** Every builder of a connector, each of which must refuse the config. */
function builders(connector: ProviderConnector): [string, (config: Record<string, string>) => unknown][] {
    const list: [string, (config: Record<string, string>) => unknown][] = [
        ['parseConnectionConfig', (config) => connector.parseConnectionConfig(config)],
        ['tokenUrl', (config) => connector.tokenUrl(config)],
        ['apiBaseUrl', (config) => connector.apiBaseUrl(config)],
        ['allowedHosts', (config) => connector.allowedHosts(config)],
        ['tokenParams', (config) => connector.tokenParams(config)],
    ];
    const authorize = connector.authorizationUrl;
    if (authorize !== undefined) {
        list.push([
            'authorizationUrl',
            (config) =>
                authorize(config, {
                    clientId: 'c',
                    redirectUri: 'http://127.0.0.1:1/callback',
                    state: 's',
                    codeChallenge: 'x',
                    codeChallengeMethod: 'S256',
                    scopes: [],
                }),
        ]);
    }
    return list;
}

function expectRefused(connector: ProviderConnector, config: Record<string, string>, field: string): void {
    for (const [name, build] of builders(connector)) {
        let caught: unknown;
        try {
            build(config);
        } catch (error) {
            caught = error;
        }
        expect(caught, `${connector.key}.${name} accepted ${JSON.stringify(config[field])}`).toBeInstanceOf(InvalidConfigError);
        expect((caught as InvalidConfigError).field, `${connector.key}.${name}`).toBe(field);
        expect((caught as InvalidConfigError).code).toBe('invalid_config');
    }
}

describe('hostile connection-config values are refused before any URL exists', () => {
    for (const key of providerKeys) {
        const connector = getConnector(key);
        for (const tld of hostileTlds) {
            it(`${key} refuses tld ${JSON.stringify(tld)}`, () => expectRefused(connector, { ...validConfig(connector), tld }, 'tld'));
        }
        for (const id of hostileEnvironmentIds) {
            it(`${key} refuses environmentId ${JSON.stringify(id)}`, () =>
                expectRefused(connector, { ...validConfig(connector), environmentId: id }, 'environmentId'));
        }
        it(`${key} refuses a missing tld, naming it`, () => {
            const { tld: _tld, ...config } = validConfig(connector);
            expectRefused(connector, config, 'tld');
        });
        it(`${key} refuses an unknown extra field, naming it`, () =>
            expectRefused(connector, { ...validConfig(connector), baseUrl: 'https://evil.example' }, 'baseUrl'));
        it(`${key} refuses a non-string value`, () => expectRefused(connector, { ...validConfig(connector), tld: 42 as unknown as string }, 'tld'));
        it(`${key} refuses an inherited tld (prototype pollution)`, () => {
            const { tld: _tld, ...own } = validConfig(connector);
            expectRefused(connector, Object.assign(Object.create({ tld: 'eu' }) as Record<string, string>, own), 'tld');
        });
    }

    const advanced = getConnector('pingone-advanced-services');
    for (const [field, values] of Object.entries(hostileAdvanced)) {
        for (const value of values) {
            it(`pingone-advanced-services refuses ${field} ${JSON.stringify(value)}`, () =>
                expectRefused(advanced, { ...validConfig(advanced), [field]: value }, field));
        }
    }

    it('the message shows the refused value escaped, so a newline or look-alike is visible, and points at the guide', () => {
        let caught: InvalidConfigError | undefined;
        try {
            getConnector('pingone-cc').tokenUrl({ environmentId, tld: 'com\n' });
        } catch (error) {
            caught = error as InvalidConfigError;
        }
        expect(caught?.message).toBe('Top Level Domain (tld) "com\\n" is not one of com, ca, eu, com.au, sg, asia.');
        expect(caught?.hint).toContain('guides/pingone-cc.md#step-3-finding-your-top-level-domain');
    });

    it('a config that is not an object is refused', () => {
        expect(() => getConnector('pingone-cc').tokenUrl('eu' as unknown as Record<string, string>)).toThrow(InvalidConfigError);
        expect(() => getConnector('pingone-cc').tokenUrl(null as unknown as Record<string, string>)).toThrow(InvalidConfigError);
    });

    it('the authorization URL refuses a redirect URI that is not http(s) and a non-S256 challenge', () => {
        const authorize = getConnector('pingone').authorizationUrl!;
        const params = { clientId: 'c', redirectUri: 'javascript:alert(1)', state: 's', codeChallenge: 'x', codeChallengeMethod: 'S256' as const, scopes: [] };
        expect(() => authorize({ environmentId, tld: 'eu' }, params)).toThrow(/redirect URI/);
        expect(() =>
            authorize({ environmentId, tld: 'eu' }, { ...params, redirectUri: 'http://127.0.0.1/cb', codeChallengeMethod: 'plain' as 'S256' }),
        ).toThrow(/S256/);
    });
});
