import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { HostNotAllowedError } from '../../src/errors/index.js';
import { allowedHosts, serverAndDispatcher } from './fixture.js';

describe('host allow-list', () => {
    const hostile = [
        'https://evil.example/v1/environments',
        'https://api.pingone.com.evil.example/v1/environments',
        'https://api.pingone.com@evil.example/v1/environments',
        'https://api.pingone.eu/v1/environments',
        'http://api.pingone.com/v1/environments',
        'https://api.pingone.com:8443/v1/environments',
        'https://127.0.0.1/v1/environments',
    ];

    it.each(hostile)('refuses %s before any connection is opened', async (url) => {
        // The emulator mapping would send api.pingone.eu to the loopback server if the allow-list
        // did not come first; the server's connection count proves nothing left.
        const { server, dispatcher } = await serverAndDispatcher((_request, response) => response.end('ok'));
        const sent = request(url, { dispatcher, headers: { authorization: 'Bearer secret-token-value' } });
        await expect(sent).rejects.toBeInstanceOf(HostNotAllowedError);
        expect(server.connections).toBe(0);
    });

    it('names the refused host and the allowed ones, and says nothing was sent', async () => {
        const { dispatcher } = await serverAndDispatcher((_request, response) => response.end('ok'));
        const error: unknown = await request('https://evil.example/x?token=abc', { dispatcher }).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(HostNotAllowedError);
        const refused = error as HostNotAllowedError;
        expect(refused.code).toBe('host_not_allowed');
        expect(refused.host).toBe('evil.example');
        expect(refused.allowedHosts).toEqual(allowedHosts);
        expect(refused.message).toContain('evil.example');
        expect(refused.message).toContain('api.pingone.com');
        expect(refused.message).not.toContain('token=abc');
        expect(refused.hint).toMatch(/Nothing was sent/);
    });

    it('refuses through fetch as well as request', async () => {
        const { server, dispatcher } = await serverAndDispatcher((_request, response) => response.end('ok'));
        const { fetch } = await import('undici');
        await expect(fetch('https://evil.example/', { dispatcher })).rejects.toThrow();
        expect(server.connections).toBe(0);
    });

    it('lets allowed hosts through', async () => {
        const { server, dispatcher } = await serverAndDispatcher((_request, response) => response.end('ok'));
        const response = await request('https://api.pingone.com/v1/environments', { dispatcher });
        expect(await response.body.text()).toBe('ok');
        expect(server.requests).toHaveLength(1);
    });
});
