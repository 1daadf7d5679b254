import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// The README's five-minute walkthrough, run verbatim in a fresh clone of this repository, as a new
// user would: the emulator block in the background (a terminal of its own), the walkthrough block as
// one shell script (a second terminal), and the Connect UI block until it prints its address.
// The clone reuses this checkout's node_modules through a symlink instead of a second `npm ci`
// (the network here reaches only the npm registry, and an install takes minutes on two cores).

const repository = fileURLToPath(new URL('../..', import.meta.url));
const clone = mkdtempSync(path.join(tmpdir(), 'walkthrough-'));
const started: ChildProcess[] = [];

afterAll(() => {
    // Each block ran in a process group of its own: stop the whole group (npx, node, tee).
    for (const child of started) if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    rmSync(clone, { recursive: true, force: true });
});

/** The body of the README's fenced block marked `sh <label>`. */
function block(readme: string, label: string): string {
    const match = new RegExp('^```sh ' + label + '\\n([\\s\\S]*?)^```$', 'm').exec(readme);
    if (!match?.[1]) throw new Error(`README.md has no \`\`\`sh ${label} block`);
    return match[1];
}

/** Runs a block under bash in the clone, in a process group of its own; resolves once `ready` matches its output. */
function inBackground(script: string, ready: RegExp): Promise<{ output: () => string }> {
    const child = spawn('bash', ['-c', script], { cwd: clone, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: cleanEnv() });
    started.push(child);
    let output = '';
    return new Promise((resolve, reject) => {
        const seen = (chunk: Buffer) => {
            output += chunk.toString('utf8');
            if (ready.test(output)) resolve({ output: () => output });
        };
        child.stdout?.on('data', seen);
        child.stderr?.on('data', seen);
        child.on('exit', (code) => reject(new Error(`exited ${code} before it was ready:\n${output}`)));
    });
}

/** The environment of a new user's shell: none of this test run's variables. */
function cleanEnv(): NodeJS.ProcessEnv {
    return { PATH: process.env['PATH'], HOME: process.env['HOME'] ?? clone, LANG: 'C.UTF-8' };
}

describe('the README walkthrough', () => {
    it('runs verbatim from a fresh clone: emulator, connect, sync, records, action, sync --all, runs, Connect UI', async () => {
        const cloned = spawnSync('git', ['clone', '--quiet', repository, clone], { encoding: 'utf8' });
        expect(cloned.status, cloned.stderr).toBe(0);
        symlinkSync(path.join(repository, 'node_modules'), path.join(clone, 'node_modules'));
        const readme = readFileSync(path.join(clone, 'README.md'), 'utf8');

        await inBackground(block(readme, 'walkthrough-emulator'), /"worker":\{"clientId"/);

        const walkthrough = spawnSync('bash', ['-e', '-c', block(readme, 'walkthrough')], { cwd: clone, encoding: 'utf8', env: cleanEnv(), timeout: 600_000 });
        expect(walkthrough.status, `${walkthrough.stdout}\n${walkthrough.stderr}`).toBe(0);
        expect(walkthrough.stdout).toMatch(/Saved the connection "local" \(pingone-cc/);
        expect(walkthrough.stderr).toMatch(/^sync users on local: success; added 12\d, /m);
        expect(walkthrough.stdout).toMatch(/^id\s+username\s+email\s+enabled\s+last action$/m);
        expect(walkthrough.stdout).toMatch(/Input fields:\n\s+field\s+type\s+required\s+description\n.*\n\s+username\s+string\s+yes/);
        expect(walkthrough.stdout).toContain('"username": "ada.lovelace"');
        expect(walkthrough.stdout).toMatch(/^\s*\d+\s+local\s+sync users\s+/m);

        const ui = await inBackground(block(readme, 'walkthrough-ui'), /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/);
        expect(ui.output()).toMatch(/http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    }, 900_000);
});
