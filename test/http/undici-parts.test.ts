// The client loads undici's parts one by one (src/http/undici.ts) rather than its index, for the
// CLI's start. They must be the very classes undici exports, or an upgrade of undici that moved a
// file would split the client from undici's own types and handlers.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as undici from 'undici';

import { Agent, Dispatcher, request } from '../../src/http/undici.js';
import { startLoopbackServer } from '../support/loopback-server.js';

describe("undici's parts, loaded one by one", () => {
    it("are the Agent and Dispatcher that undici's index exports", () => {
        expect(Agent).toBe(undici.Agent);
        expect(Dispatcher).toBe(undici.Dispatcher);
    });

    it("load without undici's index: the built client brings no fetch, WebSocket, cache or mock module", () => {
        // A process of its own: this test's worker may have loaded undici's index for other reasons.
        const client = fileURLToPath(new URL('../../dist/src/http/index.js', import.meta.url));
        const script = `await import(${JSON.stringify(client)}); const { createRequire } = await import('node:module');
            console.log(JSON.stringify(Object.keys(createRequire(import.meta.url).cache).filter((file) => file.includes('undici'))));`;
        const loaded = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as string[];
        expect(loaded.some((file) => file.endsWith('agent.js'))).toBe(true);
        expect(loaded.filter((file) => /[\\/]undici[\\/](index\.js|lib[\\/](web|mock|cache)[\\/])/.test(file))).toEqual([]);
    });

    it('sends a request to the URL given, with its query, through the dispatcher given', async () => {
        const server = await startLoopbackServer((received, response) => response.end(JSON.stringify({ method: received.method, url: received.url })));
        const agent = new Agent();
        try {
            const response = await request(`${server.origin}/v1/things?limit=2&filter=a%20b`, { dispatcher: agent, method: 'GET' });
            expect(response.statusCode).toBe(200);
            expect(await response.body.json()).toEqual({ method: 'GET', url: '/v1/things?limit=2&filter=a%20b' });
        } finally {
            await agent.close();
            await server.close();
        }
    });
});
