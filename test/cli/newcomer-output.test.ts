import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../support/cli.js';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { temporaryDatabase } from '../support/harness.js';

// What a newcomer meets on the command line, with the package's own scripts against the emulator
// over loopback: the real cause when the emulator is not running, stable codes first, stdout that
// pipes, --version, the run history, sync --all, record formats and resumes said in the log.

let emulator: TestEmulator;
const db = temporaryDatabase();
const cwd = path.dirname(db);

function cli(argv: string[], options: { isTTY?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
    return runCli([...argv, '--db', db], {
        cwd,
        env: { PATH: process.env['PATH'], PINGONE_CLIENT_SECRET: emulator.worker.clientSecret, ...options.env },
        ...(options.isTTY ? { isTTY: true } : {}),
    });
}

function connectArgs(name: string, emulatorUrl: string): string[] {
    return [
        'connect',
        name,
        '--provider',
        'pingone-cc',
        '--environment-id',
        emulator.environmentId,
        '--client-id',
        emulator.worker.clientId,
        '--emulator',
        emulatorUrl,
    ];
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

    it('--version prints the package version', async () => {
        const result = await runCli(['--version']);
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(/^pingone-connector \d+\.\d+\.\d+\n$/);
    });

    it('sync --all runs every sync of the integration; runs lists them with counts and status', async () => {
        const all = await cli(['sync', '--all', '--connection', 'cc', '--json']);
        expect(all.code).toBe(0);
        const reports = JSON.parse(all.stdout) as Array<{ script: string; status: string }>;
        expect(reports.map((report) => report.script)).toEqual(expect.arrayContaining(['users', 'groups', 'environments', 'audit-activities']));
        expect(reports.every((report) => report.status === 'success')).toBe(true);

        const runs = await cli(['runs', '--connection', 'cc', '--limit', '3']);
        expect(runs.code).toBe(0);
        expect(runs.stdout).toMatch(/^\s*run\s+connection\s+script\s+started\s+took\s+added\s+updated\s+deleted\s+status\s+error\n/);
        expect(runs.stdout).toMatch(/\bcc\s+sync users\s+\S+Z\s+[\d.]+ m?s\s+\d+\s+0\s+0\s+success/);
        const json = JSON.parse((await cli(['runs', '--json', '--limit', '1'])).stdout) as Array<{ script: string; added: number }>;
        expect(json[0]).toMatchObject({ script: 'users' });
    }, 240_000);

    it('records: a table with the identifying fields, and json, ndjson and csv', async () => {
        const table = await cli(['records', 'User', '--connection', 'cc', '--limit', '2']);
        expect(table.stdout).toMatch(/^id\s+username\s+email\s+enabled\s+last action\n/);
        expect(table.stderr).toMatch(/^2 record\(s\); more with --cursor /);
        const ndjson = await cli(['records', 'User', '--connection', 'cc', '--limit', '2', '--format', 'ndjson']);
        const lines = ndjson.stdout.trimEnd().split('\n');
        expect(lines).toHaveLength(2);
        expect(lines.every((line) => typeof (JSON.parse(line) as { username?: unknown }).username === 'string')).toBe(true);
        const csv = await cli(['records', 'User', '--connection', 'cc', '--limit', '2', '--format', 'csv']);
        expect(csv.stdout.split('\r\n')[0]).toMatch(/^id,.*username,.*last_action,last_modified_at,deleted_at$/);
        const json = JSON.parse((await cli(['records', 'User', '--connection', 'cc', '--limit', '1', '--format', 'json'])).stdout) as { next_cursor: unknown };
        expect(json.next_cursor).toEqual(expect.any(String));
        const bad = await cli(['records', 'User', '--connection', 'cc', '--format', 'xml']);
        expect(bad.code).toBe(2);
        expect(bad.stderr).toContain('--format must be one of table, json, ndjson, csv; got "xml"');
    }, 120_000);

    it('a sync carrying on from a checkpoint, and the scripts’ own info lines, are said on stderr outside a terminal', async () => {
        const result = await cli(['sync', 'users', '--connection', 'cc']);
        expect(result.code).toBe(0);
        expect(result.stdout).toBe('');
        expect(result.stderr).toMatch(/^\[info\] users: carrying on from the checkpoint an earlier run saved \(a full run starts over\)\.$/m);
        expect(result.stderr).toMatch(/^\[info\] \d+ user\(s\) changed since /m);
        const full = await cli(['sync', 'users', '--connection', 'cc', '--full']);
        expect(full.stderr).not.toContain('carrying on from the checkpoint');
        expect(full.stderr).toMatch(/^\[info\] Full user scan$/m);
    }, 120_000);
});
