import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';

// `pingone-connector connect <name> --ui`, in-process through the real CLI entry: it prints the
// address with the launch token, serves the form there on 127.0.0.1, and stops on the signal.

let emulator: TestEmulator;
let directory: string;

beforeAll(async () => {
    emulator = await startTestEmulator();
    directory = mkdtempSync(join(tmpdir(), 'connect-ui-cli-'));
});
afterAll(async () => {
    await emulator?.close();
    rmSync(directory, { recursive: true, force: true });
});

function startCli(args: string[]) {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    const controller = new AbortController();
    const exit = main(['connect', ...args], { stdout, stderr, env: {}, cwd: directory, isTTY: false, signal: controller.signal });
    return { exit, stop: () => controller.abort(), stdout: () => out, stderr: () => err };
}

async function printedUrl(cli: ReturnType<typeof startCli>): Promise<URL> {
    await expect.poll(() => cli.stdout(), { timeout: 20_000 }).toMatch(/http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/);
    return new URL(/http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(cli.stdout())![0]);
}

describe('connect --ui', () => {
    it('prints the loopback address with its launch token, serves the form there, and stops on the signal', async () => {
        const cli = startCli(['acme', '--provider', 'pingone-cc', '--ui', '--emulator', emulator.url, '--db', join(directory, 'ui.db')]);
        const url = await printedUrl(cli);
        const page = await fetch(url);
        expect(page.status).toBe(200);
        expect(await page.text()).toContain('Connect PingOne');
        expect((await fetch(url.origin)).status).toBe(403);
        cli.stop();
        expect(await cli.exit).toBe(0);
        await expect(fetch(url)).rejects.toThrow();
    });

    it('prints where the connection was saved and the next command in the terminal, not on the page', async () => {
        const database = join(directory, 'saved.db');
        const cli = startCli(['acme', '--provider', 'pingone-cc', '--ui', '--emulator', emulator.url, '--db', database]);
        const url = await printedUrl(cli);
        const reply = await fetch(new URL('/api/test-connection', url.origin), {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-launch-token': url.searchParams.get('token')! },
            body: JSON.stringify({
                connectionConfig: { environmentId: emulator.environmentId, tld: emulator.tld },
                credentials: { clientId: emulator.worker.clientId, clientSecret: emulator.worker.clientSecret },
            }),
        });
        const answer = await reply.text();
        expect(JSON.parse(answer)).toMatchObject({ ok: true, message: 'Connected. Saved as the connection "acme".' });
        expect(answer).not.toContain(database);
        expect(answer).not.toContain('pingone-connector');
        expect(cli.stdout()).toMatch(
            new RegExp(
                `Saved the connection "acme" in ${database.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\. Next: npx pingone-connector sync \\S+ --connection acme\n`,
            ),
        );
        cli.stop();
        expect(await cli.exit).toBe(0);
    });

    it('tells a pingone user which redirect URI the application must list', async () => {
        const cli = startCli(['console', '--provider', 'pingone', '--ui', '--emulator', emulator.url, '--db', join(directory, 'ui.db')]);
        const url = await printedUrl(cli);
        expect(cli.stdout()).toContain(`PingOne sends the browser back to ${url.origin}/callback: add it to the application's Redirect URIs`);
        cli.stop();
        expect(await cli.exit).toBe(0);
    });

    it('serves on the port asked for, and explains a port that is taken', async () => {
        const blocker: Server = createServer();
        await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
        const taken = (blocker.address() as { port: number }).port;
        try {
            const free = startCli(['acme', '--ui', '--port', String(taken + 1), '--db', join(directory, 'ui.db')]);
            const url = await printedUrl(free).catch(async (error: unknown) => {
                // Another program may hold the next port too; then this run proves only the refusal below.
                if (/another program/.test(free.stderr())) return undefined;
                throw error;
            });
            if (url !== undefined) expect(url.port).toBe(String(taken + 1));
            free.stop();
            await free.exit;

            const cli = startCli(['acme', '--ui', '--port', String(taken)]);
            expect(await cli.exit).toBe(2);
            expect(cli.stderr()).toContain(`--port ${taken}: another program is listening on that port`);
        } finally {
            blocker.close();
        }
    });
});
