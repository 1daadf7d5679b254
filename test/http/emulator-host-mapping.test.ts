import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { InvalidConfigError } from '../../src/errors/index.js';
import { createPingOneDispatcher, parseEmulatorOrigin } from '../../src/http/index.js';
import { serverAndDispatcher } from './fixture.js';

describe('emulator host mapping', () => {
    it('sends PingOne hosts to the emulator with x-forwarded-host and x-forwarded-proto', async () => {
        const { server, dispatcher } = await serverAndDispatcher((_request, response) => response.end('{}'));
        await (await request('https://api.pingone.com/v1/environments/abc?limit=2', { dispatcher, headers: { 'X-Custom': 'kept' } })).body.dump();
        await (await request('https://auth.pingone.com/abc/as/token', { dispatcher, method: 'POST', body: 'grant_type=client_credentials' })).body.dump();
        const [api, auth] = server.requests;
        expect(api?.url).toBe('/v1/environments/abc?limit=2');
        expect(api?.headers['x-forwarded-host']).toBe('api.pingone.com');
        expect(api?.headers['x-forwarded-proto']).toBe('https');
        expect(api?.headers['x-custom']).toBe('kept');
        expect(api?.headers.host).toBe(new URL(server.origin).host);
        expect(auth?.headers['x-forwarded-host']).toBe('auth.pingone.com');
        expect(auth?.body).toBe('grant_type=client_credentials');
    });

    it('accepts only a loopback emulator, since it receives credentials', () => {
        expect(parseEmulatorOrigin('http://127.0.0.1:4010/ignored/path').toString()).toBe('http://127.0.0.1:4010/');
        expect(parseEmulatorOrigin('http://localhost:4010').origin).toBe('http://localhost:4010');
        expect(() => parseEmulatorOrigin('http://emulator.example.com:4010')).toThrow(InvalidConfigError);
        expect(() => parseEmulatorOrigin('not a url')).toThrow(/not a URL/);
        expect(() => createPingOneDispatcher({ allowedHosts: ['api.pingone.com'], emulatorOrigin: 'https://10.0.0.8' })).toThrow(/this machine/);
    });
});
