// Commands that run no script do not load Nango's script runtime (@nangohq/runner-sdk), which
// alone was about half of `request`'s start-up. A module-resolution hook in the spawned CLI writes
// down every module it loads; the real CLI calls the emulator over loopback.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { fixtureScripts, harnessOnEmulator, temporaryDatabase } from '../support/harness.js';

const bin = fileURLToPath(new URL('../../bin/pingone-connector.js', import.meta.url));
const db = temporaryDatabase();
const dir = path.dirname(db);
let emulator: TestEmulator;

beforeAll(async () => {
    emulator = await startTestEmulator();
    const harness = await harnessOnEmulator(emulator, 'cc', db);
    await harness.close();
    writeFileSync(
        path.join(dir, 'hooks.mjs'),
        `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
    const resolved = await next(specifier, context);
    appendFileSync(process.env.MODULES_LOG, resolved.url + '\\n');
    return resolved;
}
`,
    );
    writeFileSync(
        path.join(dir, 'register.mjs'),
        `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(path.join(dir, 'hooks.mjs')).href)});\n`,
    );
});
afterAll(async () => emulator?.close());

/** Runs the CLI in a child process; returns its exit code and the modules it loaded. */
function cliModules(name: string, argv: string[]): Promise<{ code: number | null; stderr: string; modules: string[] }> {
    const log = path.join(dir, `${name}.modules.log`);
    writeFileSync(log, '');
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', pathToFileURL(path.join(dir, 'register.mjs')).href, bin, ...argv, '--db', db], {
            cwd: dir,
            env: { PATH: process.env['PATH'], MODULES_LOG: log, PINGONE_CONNECTOR_SCRIPTS: fixtureScripts },
            stdio: ['ignore', 'ignore', 'pipe'],
        });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stderr, modules: readFileSync(log, 'utf8').split('\n').filter(Boolean) }));
    });
}

const runnerSdk = (modules: string[]) => modules.filter((url) => url.includes('/@nangohq/runner-sdk/'));

describe('CLI start-up', () => {
    it('request, connections and records answer without loading the script runtime; sync loads it', async () => {
        const request = await cliModules('request', ['request', 'GET', `/v1/environments/${emulator.environmentId}`, '--connection', 'cc']);
        expect(request.stderr).toBe('');
        expect(request.code).toBe(0);
        expect(request.modules.length).toBeGreaterThan(50);
        expect(runnerSdk(request.modules)).toEqual([]);

        for (const [name, argv] of [
            ['connections', ['connections', 'list']],
            ['records', ['records', 'User', '--connection', 'cc']],
        ] as const) {
            const result = await cliModules(name, [...argv]);
            expect(result.code, `${name}: ${result.stderr}`).toBe(0);
            expect(runnerSdk(result.modules)).toEqual([]);
        }

        // The hook does see runner-sdk when a command needs it.
        const sync = await cliModules('sync', ['sync', 'fixture-users', '--connection', 'cc']);
        expect(sync.code, sync.stderr).toBe(0);
        expect(runnerSdk(sync.modules).length).toBeGreaterThan(0);
    }, 120_000);
});
