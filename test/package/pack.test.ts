// The package as a platform gets it: `npm pack`, then the tarball installed into an empty folder
// with `--omit=dev` (from the npm registry, as any install: better-sqlite3 may compile from source,
// hence the long hook), where `npx pingone-connector demo` runs and a small TypeScript consumer
// imports the typed modules and type-checks. Nothing is mocked.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'pingone-pack-'));
const consumer = join(work, 'consumer');

/** Runs a command to its end (without blocking the test process, so that vitest's timeouts hold); resolves its stdout, or fails with its output. */
async function ok(command: string, args: string[], cwd: string): Promise<string> {
    // npm's own defaults (registry, cache); no colour, no funding or audit requests.
    const child = spawn(command, args, { cwd, env: { ...process.env, NO_COLOR: '1', npm_config_fund: 'false', npm_config_audit: 'false' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve, reject) => {
        child.on('error', reject);
        child.on('close', resolve);
    });
    expect(code, `${command} ${args.join(' ')} failed:\n${stdout.slice(-4000)}\n${stderr.slice(-4000)}`).toBe(0);
    return stdout;
}

let tarball: string;

beforeAll(async () => {
    // --ignore-scripts: `prepare` would rebuild dist/, which the test run has just found up to date.
    await ok('npm', ['pack', '--ignore-scripts', '--pack-destination', work], root);
    tarball = join(
        work,
        readdirSync(work).find((file) => file.endsWith('.tgz'))!,
    );
    mkdirSync(consumer);
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'platform-service', private: true, type: 'module' }, null, 2));
    await ok('npm', ['install', '--omit=dev', '--no-package-lock', '--prefer-offline', tarball], consumer);
}, 1_200_000);

afterAll(() => rmSync(work, { recursive: true, force: true }), 300_000);

describe('the packed package', () => {
    it('ships the build, the definitions, the schemas, the guides and the scripts’ sources, and no tests', async () => {
        const files = (await ok('tar', ['-tzf', tarball], work)).split('\n');
        for (const file of [
            'package/dist/src/index.js',
            'package/dist/src/index.d.ts',
            'package/dist/connectors/registry.generated.js',
            'package/bin/pingone-connector.js',
            'package/providers.yaml',
            'package/schemas/pingone/connection-config.schema.json',
            'package/guides/pingone.md',
            'package/connectors/package.json',
            'package/connectors/pingone/syncs/users.ts',
        ]) {
            expect(files).toContain(file);
        }
        expect(files.filter((file) => file.startsWith('package/test/') || file.startsWith('package/bench/'))).toEqual([]);
    });

    it('runs `npx pingone-connector demo` installed without dev dependencies', async () => {
        const output = await ok('npx', ['--no-install', 'pingone-connector', 'demo', '--json'], consumer);
        const summary = JSON.parse(output) as { runs: { kind: string; status: string }[]; models: { model: string; total: number }[] };
        expect(summary.runs.some((run) => run.kind === 'sync')).toBe(true);
        expect(summary.runs.every((run) => run.status === 'success')).toBe(true);
        expect(summary.models.find((model) => model.model === 'User')?.total).toBeGreaterThan(0);
    }, 300_000);

    it('gives a TypeScript consumer the typed connector modules, models, harness and errors', async () => {
        writeFileSync(
            join(consumer, 'service.ts'),
            `import { connectors, getConnector, openHarness, InvalidConfigError, type ProviderKey, type Connector } from 'pingone-connector';
import { connector as cc } from 'pingone-connector/connectors/pingone-cc';
import type { User } from 'pingone-connector/models';
import { NotFoundError } from 'pingone-connector/errors';

const key: ProviderKey = 'pingone-cc';
const connector: Connector = getConnector(key);
const url: URL = cc.tokenUrl({ tld: 'com', environmentId: '00000000-0000-0000-0000-000000000000' });
const user: Pick<User, 'id'> = { id: 'u' };
// @ts-expect-error an unknown provider key is a type error
const wrong: ProviderKey = 'okta';
export { connectors, connector, url, user, wrong, openHarness, InvalidConfigError, NotFoundError };
`,
        );
        writeFileSync(
            join(consumer, 'tsconfig.json'),
            JSON.stringify({
                compilerOptions: {
                    target: 'ES2022',
                    module: 'NodeNext',
                    moduleResolution: 'NodeNext',
                    strict: true,
                    noEmit: true,
                    // The package's declaration files are checked too: they must hold up in a NodeNext consumer.
                    skipLibCheck: false,
                    typeRoots: [join(root, 'node_modules', '@types')],
                    types: ['node'],
                },
                files: ['service.ts'],
            }),
        );
        // The repository's own compiler, so that the consumer installs nothing more than the package.
        await ok(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', consumer], consumer);
    }, 300_000);
});
