import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../support/cli.js';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { temporaryDatabase } from '../support/harness.js';

// What a newcomer meets on the command line, with the package's own scripts against the emulator
// over loopback: the real cause when the emulator is not running, stable codes first, stdout that
// pipes.

let emulator: TestEmulator;
const db = temporaryDatabase();
const cwd = path.dirname(db);

function cli(argv: string[], options: { isTTY?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
    return runCli([...argv, '--db', db], { cwd, env: { PATH: process.env['PATH'], PINGONE_CLIENT_SECRET: emulator.worker.clientSecret, ...options.env }, ...(options.isTTY ? { isTTY: true } : {}) });
}

function connectArgs(name: string, emulatorUrl: string): string[] {
    return ['connect', name, '--provider', 'pingone-cc', '--environment-id', emulator.environmentId, '--client-id', emulator.worker.clientId, '--emulator', emulatorUrl];
}

/** A loopback port nothing listens on: one the system handed out and that was closed again. */
async function closedPort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return port;
}

beforeAll(async () => {
    emulator = await startTestEmulator();
    expect((await cli(connectArgs('cc', emulator.url))).code).toBe(0);
}, 120_000);
afterAll(async () => emulator.close());

describe('an emulator that is not running', () => {
    it('is named as the cause, with how to start one, not the network or the region', async () => {
        const port = await closedPort();
        const connect = await cli(connectArgs('gone', `http://127.0.0.1:${port}`));
        expect(connect.code).toBe(1);
        expect(connect.stderr).toContain(`The PingOne emulator at http://127.0.0.1:${port} is not running`);
        expect(connect.stderr).toContain(`npx pingone-connector emulator --port ${port}`);
        expect(connect.stderr).not.toMatch(/firewall|region/);

        expect((await cli([...connectArgs('gone', `http://127.0.0.1:${port}`), '--no-test'])).code).toBe(0);
        const sync = await cli(['sync', 'groups', '--connection', 'gone']);
        expect(sync.code).toBe(1);
        expect(sync.stderr).toMatch(new RegExp(`^error network_error: The PingOne emulator at http://127\\.0\\.0\\.1:${port} is not running`, 'm'));
    }, 120_000);
});

describe('output', () => {
    it('text mode leads a failure with its stable code, and stdout carries only the action output', async () => {
        const input = JSON.stringify({ username: 'newcomer.test', email: 'newcomer.test@example.com' });
        const created = await cli(['action', 'create-user', '--connection', 'cc', '--input', input]);
        expect(created.code, created.stderr).toBe(0);
        expect(JSON.parse(created.stdout)).toMatchObject({ username: 'newcomer.test' });
        expect(created.stderr).toMatch(/^action create-user on cc: success; /m);

        const again = await cli(['action', 'create-user', '--connection', 'cc', '--input', input]);
        expect(again.code).toBe(1);
        expect(again.stdout).toBe('');
        expect(again.stderr).toMatch(/^error user_exists: A user with this username already exists.* \(script_failed\/action_error\)$/m);
    }, 120_000);
});
