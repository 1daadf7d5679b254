import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const environmentId = '0c7d2f4e-8a51-4a0e-9f3b-6b7c8d9e0f12';

describe('pingone-connector providers', () => {
    it('lists every provider with its URLs for a sample connection', async () => {
        const result = await runCli(['providers']);
        expect(result.code).toBe(0);
        for (const key of ['pingone:', 'pingone-cc:', 'pingone-advanced-services:']) expect(result.stdout).toContain(key);
        expect(result.stdout).toContain('https://auth.pingone.com/f2aba07d-270c-42ba-8811-01af5f63d458/as/token');
        expect(result.stdout).toContain('https://self-service-api.prod-acme.us1.ping.cloud/');
    });

    it('resolves a given connection, as JSON', async () => {
        const result = await runCli(['providers', 'pingone', '--tld', 'com.au', '--environment-id', environmentId, '--json']);
        expect(result.code).toBe(0);
        const [report] = JSON.parse(result.stdout) as { tokenUrl: string; authorizationUrl: string; apiBaseUrl: string; allowedHosts: string[] }[];
        expect(report?.tokenUrl).toBe(`https://auth.pingone.com.au/${environmentId}/as/token`);
        expect(report?.authorizationUrl).toMatch(new RegExp(`^https://auth\\.pingone\\.com\\.au/${environmentId}/as/authorize\\?response_type=code&`));
        expect(report?.apiBaseUrl).toBe('https://api.pingone.com.au/');
        expect(report?.allowedHosts).toEqual(['auth.pingone.com.au', 'api.pingone.com.au']);
    });

    it('refuses a hostile top level domain with exit 2 and names the field', async () => {
        const result = await runCli(['providers', 'pingone-cc', '--tld', 'com@evil.example']);
        expect(result.code).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr).toContain('Top Level Domain (tld) "com@evil.example" is not one of com, ca, eu, com.au, sg, asia.');
    });

    it('refuses a --config field no listed provider has, and an unknown provider', async () => {
        expect((await runCli(['providers', 'pingone-cc', '--config', 'customer=acme'])).stderr).toContain(
            'no listed provider has a connection-config field "customer"',
        );
        expect((await runCli(['providers', 'pingone-evil'])).code).toBe(2);
    });
});
