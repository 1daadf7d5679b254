import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.js';
import { runCli, type CliResult } from '../support/cli.js';

/** Runs `emulator` in-process until it has printed, then stops it through the context's abort signal. */
async function runUntilPrinted(args: string[]): Promise<CliResult> {
    const controller = new AbortController();
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        controller.abort();
    });
    stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    const code = await main(['emulator', ...args], { stdout, stderr, env: {}, cwd: process.cwd(), isTTY: false, signal: controller.signal });
    return { code, stdout: out, stderr: err };
}

describe('pingone-connector emulator', () => {
    it('prints the listening line, environment, TLD and both apps, and stops on abort', async () => {
        const result = await runUntilPrinted(['--users', '10', '--seed', 'cli']);
        expect(result.code).toBe(0);
        const lines = result.stdout.split('\n');
        expect(lines[0]).toMatch(/^PingOne emulator listening on http:\/\/127\.0\.0\.1:\d+$/);
        expect(result.stdout).toMatch(/environment ID\s+[0-9a-f-]{36}/);
        expect(result.stdout).toMatch(/TLD\s+com/);
        expect(result.stdout).toMatch(/Worker client ID\s+[0-9a-f-]{36}/);
        expect(result.stdout).toMatch(/Web app secret\s+\S{20,}/);
    });

    it('prints one JSON line with --json', async () => {
        const result = await runUntilPrinted(['--json', '--seed', 'cli']);
        expect(result.code).toBe(0);
        const lines = result.stdout.trim().split('\n');
        expect(lines).toHaveLength(1);
        const parsed = JSON.parse(lines[0] as string);
        expect(Object.keys(parsed)).toEqual(['url', 'environmentId', 'tld', 'worker', 'adminSignOn', 'web']);
        expect(parsed.worker).toMatchObject({ clientId: expect.any(String), clientSecret: expect.any(String), type: 'WORKER', grantTypes: ['CLIENT_CREDENTIALS'] });
        expect(parsed.adminSignOn).toMatchObject({ type: 'WORKER', actsWith: 'signed-on user roles' });
        expect(parsed.web).toMatchObject({ type: 'WEB_APP', actsWith: 'self-management scopes' });
        expect(parsed.web.redirectUris).toEqual(['http://127.0.0.1/callback']);
    });

    it('answers a bad flag with exit 2 naming the flag', async () => {
        const result = await runCli(['emulator', '--users', 'many']);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain('--users');
        const rate = await runCli(['emulator', '--rate-limit', '0']);
        expect(rate.code).toBe(2);
        expect(rate.stderr).toContain('--rate-limit');
    });
});
