// The CLI states V8's heap budget on its shebang line (V8 would otherwise size the heap against the
// machine and let a long sync's garbage pile up), and the bench runs its sync children with the same
// flags. The installed CLI is the file run through its shebang; a preloaded script reports the limit.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cliNodeFlags } from '../../bench/cli-node-flags.js';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../../bin/pingone-connector.js', import.meta.url));

describe('the heap budget', () => {
    it('applies when the CLI runs through its shebang', async () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'pingone-heap-'));
        const report = path.join(dir, 'heap-limit.cjs');
        writeFileSync(
            report,
            `process.on('exit', () => process.stderr.write('heap_size_limit=' + require('node:v8').getHeapStatistics().heap_size_limit + '\\n'));\n`,
        );
        const { stdout, stderr } = await run(bin, ['--help'], { env: { ...process.env, NODE_OPTIONS: `--require ${report}` } });
        expect(stdout).toContain('Usage: pingone-connector');
        const limitMB = Number(/heap_size_limit=(\d+)/.exec(stderr)?.[1]) / 2 ** 20;
        // The old generation's 1,024 MB plus the young generation's (three semi-spaces of 4 MB).
        expect(limitMB).toBeGreaterThanOrEqual(1024);
        expect(limitMB).toBeLessThan(1200);
    });

    it('is what the bench runs its sync children with, beside the wasm tiering budget', () => {
        expect(cliNodeFlags()).toEqual(['--max-old-space-size=1024', '--max-semi-space-size=4', '--wasm-tiering-budget=18000000']);
    });
});
