import { describe, expect, it } from 'vitest';
import { configFromAuthorizationUrl, tldFromAuthDomain } from '../../src/connections/guide-shortcuts.js';
import { InvalidConfigError } from '../../src/errors/index.js';

const environmentId = 'f2aba07d-270c-42ba-8811-01af5f63d458';

describe('setup-guide shortcuts', () => {
    it('reads the region and environment from an app Authorization URL', () => {
        expect(configFromAuthorizationUrl(`https://auth.pingone.com.au/${environmentId}/as/authorize`)).toEqual({ tld: 'com.au', environmentId });
    });

    it('reads the region from an auth domain, with or without https://', () => {
        expect(tldFromAuthDomain('auth.pingone.eu')).toBe('eu');
        expect(tldFromAuthDomain('https://auth.pingone.asia/')).toBe('asia');
    });

    it('refuses a URL on another host, naming the field', () => {
        const attempt = () => configFromAuthorizationUrl(`https://auth.evil.example/${environmentId}/as/authorize`);
        expect(attempt).toThrow(InvalidConfigError);
        expect(attempt).toThrow(/not a PingOne auth domain/);
    });

    it('refuses plain http and paths that are not /<env>/as/...', () => {
        expect(() => configFromAuthorizationUrl(`http://auth.pingone.com/${environmentId}/as/authorize`)).toThrow(/not a PingOne authorization URL/);
        expect(() => configFromAuthorizationUrl('https://auth.pingone.com/signon')).toThrow(/not a PingOne authorization URL/);
        expect(() => configFromAuthorizationUrl('not a url')).toThrow(/is not a URL/);
    });
});
