import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { harnessOnEmulator, temporaryDatabase } from '../support/harness.js';

// Scripts come from the user's own project (PINGONE_CONNECTOR_SCRIPTS): when one cannot be loaded,
// or the variable points nowhere, the CLI says which file or variable, not a stack trace.
let emulator: TestEmulator;
const db = temporaryDatabase();
const project = mkdtempSync(path.join(tmpdir(), 'pingone-scripts-'));
const syncs = path.join(project, 'scripts', 'pingone-cc', 'syncs');

beforeAll(async () => {
    emulator = await startTestEmulator();
    await (await harnessOnEmulator(emulator, 'cc', db)).close();
    mkdirSync(syncs, { recursive: true });
    writeFileSync(path.join(syncs, 'unparsable.ts'), 'export default createSync({ exec: async (nango) => { nango.log( });\n');
    writeFileSync(path.join(syncs, 'missing-package.ts'), "import { helper } from 'no-such-package-for-pingone-tests';\nexport default helper;\n");
});
afterAll(() => emulator.close());

const sync = (name: string, env: NodeJS.ProcessEnv) =>
    runCli(['sync', name, '--connection', 'cc', '--db', db], { env: { PATH: process.env['PATH'], ...env }, cwd: project });

describe('scripts that cannot be loaded', () => {
    it.each(['unparsable', 'missing-package'])('a %s script fails its run with the file named and no stack trace', async (name) => {
        const result = await sync(name, { PINGONE_CONNECTOR_SCRIPTS: 'scripts' });
        expect(result.code).toBe(1);
        expect(result.stderr).toContain(`${path.join(syncs, `${name}.ts`)} failed to load: `);
        expect(result.stderr).toMatch(/hint: Fix the script/);
        expect(result.stderr).not.toMatch(/^\s+at /m);
    });
});

describe('PINGONE_CONNECTOR_SCRIPTS', () => {
    it("is taken relative to the command's directory", async () => {
        const result = await sync('no-such-sync', { PINGONE_CONNECTOR_SCRIPTS: 'scripts' });
        expect(result.code).toBe(2);
        expect(result.stderr).toContain(path.join(syncs, 'no-such-sync.ts'));
        expect(result.stderr).toContain('Known syncs: missing-package, unparsable.');
    });

    it.each([
        ['empty', ''],
        ['a missing directory', 'no-such-dir'],
    ])('when %s, is refused as usage, naming the variable', async (_case, value) => {
        const result = await sync('unparsable', { PINGONE_CONNECTOR_SCRIPTS: value });
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/PINGONE_CONNECTOR_SCRIPTS=".*" is not a directory/);
    });
});
