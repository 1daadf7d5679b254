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

    it('prints one JSON line with --json: both apps as its records hold them, the sign-on user, the user count, limits and faults', async () => {
        const result = await runUntilPrinted(['--json', '--seed', 'cli']);
        expect(result.code).toBe(0);
        const lines = result.stdout.trim().split('\n');
        expect(lines).toHaveLength(1);
        const parsed = JSON.parse(lines[0] as string);
        expect(Object.keys(parsed)).toEqual([
            'url',
            'environmentId',
            'tld',
            'worker',
            'adminSignOn',
            'web',
            'signOnUser',
            'users',
            'tokenLifetimeSeconds',
            'rateLimit',
            'faults',
        ]);
        expect(parsed.worker).toMatchObject({
            clientId: expect.any(String),
            clientSecret: expect.any(String),
            type: 'WORKER',
            grantTypes: ['CLIENT_CREDENTIALS'],
            tokenEndpointAuthMethod: 'CLIENT_SECRET_POST',
        });
        expect(parsed.worker.roles).toContainEqual({ role: 'Environment Admin', scope: 'ENVIRONMENT' });
        expect(parsed.adminSignOn).toMatchObject({ type: 'WORKER', actsWith: 'signed-on user roles' });
        expect(parsed.web).toMatchObject({
            type: 'WEB_APP',
            actsWith: 'self-management scopes',
            grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN'],
            roles: [],
        });
        expect(parsed.web.redirectUris).toEqual(['http://127.0.0.1/callback']);
        expect(parsed.signOnUser).toMatchObject({ username: 'emulator.admin', password: expect.any(String) });
        expect(parsed.signOnUser.roles).toContainEqual({ role: 'Identity Data Admin', scope: 'ENVIRONMENT' });
        expect(parsed).toMatchObject({ users: 121, tokenLifetimeSeconds: 3600, rateLimit: null, faults: {} });
    });

    it('takes token lifetime, latency, rate limit and burst, faults by name, and the sign-on user; --users N is N in all', async () => {
        const result = await runUntilPrinted([
            '--json',
            '--users',
            '10',
            '--token-lifetime',
            '120',
            '--latency',
            '5',
            '--rate-limit',
            '20',
            '--burst',
            '2',
            '--fault',
            'cut-after-act=0.5',
            '--fault',
            'error=0.1',
            '--error-status',
            '500',
            '--sign-on-user',
            'ann.admin:Pass:w0rd-1',
        ]);
        expect(result.code).toBe(0);
        const parsed = JSON.parse(result.stdout);
        expect(parsed).toMatchObject({
            users: 10,
            tokenLifetimeSeconds: 120,
            rateLimit: { requestsPerSecond: 20, burst: 2 },
            faults: { cutAfterActRate: 0.5, errorRate: 0.1, errorStatuses: [500], latencyMs: 5 },
            signOnUser: { username: 'ann.admin', password: 'Pass:w0rd-1' },
        });
    });

    it('answers a bad flag with exit 2 naming the flag', async () => {
        const result = await runCli(['emulator', '--users', 'many']);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain('--users');
        const rate = await runCli(['emulator', '--rate-limit', '0']);
        expect(rate.code).toBe(2);
        expect(rate.stderr).toContain('--rate-limit');
    });

    it.each([
        [['--fault', 'nope=0.1'], '--fault'],
        [['--fault', 'drop=2'], '--fault'],
        [['--fault', 'drop'], '--fault'],
        [['--burst', '2'], '--burst'],
        [['--rate-limit', '5', '--burst', '0'], '--burst'],
        [['--latency', '-1'], '--latency'],
        [['--token-lifetime', '0'], '--token-lifetime'],
        [['--error-status', '404'], '--error-status'],
        [['--sign-on-user', ':secret'], '--sign-on-user'],
        [['--users', '0'], '--users'],
    ])('refuses %j with exit 2 naming %s', async (args, flag) => {
        const result = await runCli(['emulator', ...args]);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain(flag);
    });
});
