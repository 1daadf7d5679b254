import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCompanionCheck } from '../../scripts/compiler/companion-checks.js';

// `compile --check` runs the model and entry generators' own `--check`. These stand-in checks are
// tiny scripts in a temporary directory, so a stale or broken companion can be shown without
// touching the project's generated files.

const directory = mkdtempSync(join(tmpdir(), 'companion-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function script(name: string, source: string): string {
    const path = join(directory, name);
    writeFileSync(path, source);
    return path;
}

describe('companion checks of compile --check', () => {
    it('a clean check passes', async () => {
        const result = await runCompanionCheck({ script: script('clean.ts', 'console.log("up to date");\n'), fix: 'npm run clean' });
        expect(result.ok).toBe(true);
    });

    it('a stale file is reported in the check’s own words, with the command that fixes it', async () => {
        const stale = script('stale.ts', 'console.error("out of date: schemas/models/User.schema.json");\nprocess.exitCode = 1;\n');
        const result = await runCompanionCheck({ script: stale, fix: 'npm run models' });
        expect(result.ok).toBe(false);
        expect(result.report).toContain('out of date: schemas/models/User.schema.json');
        expect(result.report).toContain('(reported by `npm run models -- --check`)');
    });

    it('a check that breaks without a word still fails, saying so', async () => {
        const silent = script('silent.ts', 'process.exit(3);\n');
        const result = await runCompanionCheck({ script: silent, fix: 'npm run entries' });
        expect(result.ok).toBe(false);
        expect(result.report).toContain('ended with exit code 3 and printed nothing');
    });
});
