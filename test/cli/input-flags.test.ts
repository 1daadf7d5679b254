// What the CLI does with the JSON and paths it is given: bad JSON is located, never replayed; input
// an action's schema refuses exits 2 with every problem; `request` sends only the path written.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../support/cli.js';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { fixtureScripts, harnessOnEmulator, temporaryDatabase } from '../support/harness.js';

let emulator: TestEmulator;
const db = temporaryDatabase();
const dir = path.dirname(db);

function cli(argv: string[]): Promise<CliResult> {
    return runCli([...argv, '--db', db], { env: { PATH: process.env['PATH'], PINGONE_CONNECTOR_SCRIPTS: fixtureScripts }, cwd: dir });
}

beforeAll(async () => {
    emulator = await startTestEmulator();
    await (await harnessOnEmulator(emulator, 'cc', db)).close();
});
afterAll(() => emulator.close());

describe('action --input', () => {
    it('names the file and the position of bad JSON, never a line of it', async () => {
        const file = path.join(dir, 'not-json.txt');
        writeFileSync(file, 'root:x:0:0:first-line-secret\nsecond-line-secret\n');
        const result = await cli(['action', 'fixture-create-group', '--connection', 'cc', '--input', `@${file}`]);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain(`${file} is not valid JSON (`);
        expect(result.stderr).not.toMatch(/root:x|secret/);

        const inline = await cli(['action', 'fixture-create-group', '--connection', 'cc', '--input', '{"name": "x", "password": hunter2}']);
        expect(inline.code).toBe(2);
        expect(inline.stderr).toContain('--input is not valid JSON (an unexpected character)');
        const cut = await cli(['action', 'fixture-create-group', '--connection', 'cc', '--input', '{"name": ']);
        expect(cut.stderr).toContain('--input is not valid JSON (it ends too early)');
        const badKey = await cli(['action', 'fixture-create-group', '--connection', 'cc', '--input', '{"name": "x", secret-key: 1}']);
        expect(badKey.stderr).toContain('--input is not valid JSON (at character 14)');
        expect(badKey.stderr).not.toContain('secret-key');
        expect(inline.stderr).not.toContain('hunter2');
    });

    it('refuses what is not a regular file (a FIFO would wait for a writer, a device never end)', async () => {
        const fifo = path.join(dir, 'input.fifo');
        execFileSync('mkfifo', [fifo]);
        for (const file of [fifo, '/dev/zero']) {
            const result = await cli(['action', 'fixture-create-group', '--connection', 'cc', '--input', `@${file}`]);
            expect(result.code).toBe(2);
            expect(result.stderr).toContain(`--input @${file}: not a regular file.`);
        }
    });

    it('refuses a file larger than 1 MB without parsing it', async () => {
        const file = path.join(dir, 'huge.json');
        writeFileSync(file, JSON.stringify({ name: 'x'.repeat(1024 * 1024) }));
        const result = await cli(['action', 'fixture-create-group', '--connection', 'cc', '--input', `@${file}`]);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain(`${file} is larger than 1 MB of JSON`);
    });

    it('exits 2 with invalid_input listing every problem with its path; --json carries them', async () => {
        const input = JSON.stringify({ name: '', titel: 'typo' });
        const result = await cli(['action', 'fixture-create-group', '--connection', 'cc', '--input', input]);
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/^error invalid_input: The input is invalid \(2 problems\): /m);
        expect(result.stderr).toContain('input.name: ');
        expect(result.stderr).toContain('input: unknown key "titel"');
        const json = await cli(['action', 'fixture-create-group', '--connection', 'cc', '--input', input, '--json']);
        expect(json.code).toBe(2);
        expect(JSON.parse(json.stdout)).toMatchObject({
            requests: 0,
            error: { code: 'invalid_input', problems: expect.arrayContaining([{ path: 'input', message: 'unknown key "titel"' }]) },
        });
    });
});

describe('request <path>', () => {
    it.each(['/v1/../../etc', '/v1/environments/%2e%2e/x', '/v1/environments/.%2E/x', '/v1/./environments', '/v1\\..\\etc', '/v1/x/..?a=b'])(
        'refuses %s (a dot segment) with exit 2, sending nothing',
        async (apiPath) => {
            const before = emulator.admin.stats().requests;
            const result = await cli(['request', 'GET', apiPath, '--connection', 'cc']);
            expect(result.code).toBe(2);
            expect(result.stderr).toContain('has a "." or ".." segment');
            expect(emulator.admin.stats().requests).toBe(before);
        },
    );

    it('still sends a path whose names merely contain dots', async () => {
        const result = await cli([
            'request',
            'GET',
            `/v1/environments/${emulator.environmentId}/users?filter=${encodeURIComponent('email sw "a.b"')}`,
            '--connection',
            'cc',
        ]);
        expect(result.code).toBe(0);
    });
});
