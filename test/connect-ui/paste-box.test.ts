import { describe, expect, it } from 'vitest';
import { readPastedValue } from '../../src/connect-ui/paste-box.js';

const context = {
    regions: [
        { value: 'com', label: 'North America (com)' },
        { value: 'eu', label: 'European Union (eu)' },
        { value: 'com.au', label: 'Australia (com.au)' },
    ],
    regionTitle: 'Region',
    environmentIdTitle: 'Environment ID',
};
const environmentId = 'cd91070f-c371-480e-80b2-753c735f8aa1';

describe('the paste box', () => {
    it('reads region and Environment ID from an Authorization URL', () => {
        expect(readPastedValue(`https://auth.pingone.eu/${environmentId}/as/authorize`, context)).toEqual({
            ok: true,
            tld: 'eu',
            environmentId,
            message: `Region set to European Union (eu) and Environment ID to ${environmentId}.`,
        });
    });

    it('reads a Token URL pasted with surrounding spaces and upper-case letters', () => {
        const result = readPastedValue(`  https://AUTH.PINGONE.COM/${environmentId.toUpperCase()}/as/token\n`, context);
        expect(result).toMatchObject({ ok: true, tld: 'com', environmentId });
    });

    it('reads only the region from an Auth Domain and asks for the Environment ID', () => {
        const result = readPastedValue('auth.pingone.com.au', context);
        expect(result).toMatchObject({ ok: true, tld: 'com.au', environmentId: undefined });
        expect(result.message).toContain('enter the Environment ID');
    });

    it('fills in a UUID that lost a character in copying, so that the field check can explain it', () => {
        const result = readPastedValue(`https://auth.pingone.eu/${environmentId.slice(0, -1)}/as/authorize`, context);
        expect(result).toMatchObject({ ok: true, tld: 'eu', environmentId: environmentId.slice(0, -1) });
        expect(result.message).toContain('is not a whole UUID');
    });

    it('keeps the region but not a path that does not start with a UUID', () => {
        const result = readPastedValue('https://auth.pingone.eu/not-an-id/as/authorize', context);
        expect(result).toMatchObject({ ok: true, tld: 'eu', environmentId: undefined });
        expect(result.message).toContain('it has "not-an-id"');
    });

    it.each([
        ['the admin console', `https://console.pingone.eu/?env=${environmentId}#home`, 'eu'],
        ['the admin console, environment in the fragment', `https://console.pingone.com/index.html#/overview?env=${environmentId}`, 'com'],
        ['an API address', `https://api.pingone.com.au/v1/environments/${environmentId}/users?limit=1`, 'com.au'],
        ['an issuer', `https://auth.pingone.eu/${environmentId}/as`, 'eu'],
    ])('reads region and Environment ID from %s', (_name, pasted, tld) => {
        expect(readPastedValue(pasted, context)).toMatchObject({ ok: true, tld, environmentId });
    });

    it('echoes what it read as plain text, not percent-encoded', () => {
        const result = readPastedValue('https://auth.pingone.eu/hello world/as/authorize', context);
        expect(result.message).toContain('"hello world"');
    });

    it('reads the region from an API address without an environment, and asks for the Environment ID', () => {
        const result = readPastedValue('https://api.pingone.eu/v1/environments', context);
        expect(result).toMatchObject({ ok: true, tld: 'eu', environmentId: undefined });
        expect(result.message).toContain('enter the Environment ID');
    });

    it.each([
        ['an unknown region', 'auth.pingone.de', "auth.pingone.de is not one of PingOne's regions (auth.pingone.com, auth.pingone.eu, auth.pingone.com.au)"],
        ['a look-alike host', 'https://auth.pingone.com.evil.example/x', "is not one of PingOne's regions"],
        ['userinfo tricks', 'https://auth.pingone.com@evil.example/', 'not a PingOne address'],
        ['another site', 'https://example.com/as/authorize', 'example.com is not a PingOne address'],
        ['words', 'my environment', 'not a PingOne address'],
        ['nothing', '   ', 'Paste an address from PingOne'],
    ])('explains what it expected when given %s', (_name, pasted, message) => {
        const result = readPastedValue(pasted, context);
        expect(result.ok).toBe(false);
        expect(result.message).toContain(message);
    });
});
