import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { runCli } from '../support/cli.js';

describe('pingone-connector CLI entry', () => {
    it('answers an unknown command with exit 2 and the command list', async () => {
        const result = await runCli(['no-such-command']);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain('unknown command "no-such-command"');
        expect(result.stderr).toContain('Usage: pingone-connector <command>');
    });

    it('prints the overview for --help with exit 0', async () => {
        const result = await runCli(['--help']);
        expect(result.code).toBe(0);
        expect(result.stdout).toContain('Commands:');
    });

    it('reports an error it did not mean to throw as an internal error with exit 1, redacted, instead of crashing', async () => {
        const stderr = new PassThrough();
        let text = '';
        stderr.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        // A bug stands in here as an environment that throws a plain Error when read.
        const env = new Proxy({} as NodeJS.ProcessEnv, {
            get() {
                throw new Error('unexpected state, Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2lnbmF0dXJl');
            },
        });
        const code = await main(['records', 'User', '--connection', 'cc'], {
            stdout: new PassThrough(),
            stderr,
            env,
            cwd: process.cwd(),
            isTTY: false,
            signal: new AbortController().signal,
        });
        expect(code).toBe(1);
        expect(text).toMatch(/^pingone-connector records: internal error: Error: unexpected state/);
        expect(text).toContain('hint: This is a bug in pingone-connector');
        expect(text).not.toContain('eyJhbGciOiJSUzI1NiJ9');
    });
});
