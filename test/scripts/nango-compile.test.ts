// The real Nango CLI compiles every script, offline, and its artifacts list each one: the proof that
// the scripts load into Nango unchanged. (CI runs `npm run nango:compile` too; this keeps it in `npm test`.)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { entriesFor, INTEGRATIONS } from '../../connectors/shared/catalog.js';

const root = join(import.meta.dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

function run(script: string, ...args: string[]) {
    return spawnSync(tsx, [join(root, 'scripts', script), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

describe('generated files', () => {
    it('the Nango entry files are up to date with the catalog (scripts:entries --check)', () => {
        const result = run('nango-entries.ts', '--check');
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
    });

    it('schemas/models/ holds the JSON Schema of every model, up to date (models --check)', () => {
        const result = run('models.ts', '--check');
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
    });
});

describe('nango compile', () => {
    it(
        'succeeds with its network calls (version check, telemetry, dependency update) turned off, and lists every script of both integrations in .nango/nango.json',
        { timeout: 300_000 },
        () => {
            const result = run('nango-compile.ts');
            expect(result.status, result.stdout + result.stderr).toBe(0);
            expect(result.stdout).toContain('every script is in the artifacts');

            const compiled = JSON.parse(readFileSync(join(root, 'connectors', '.nango', 'nango.json'), 'utf8')) as {
                providerConfigKey: string;
                syncs: { name: string; features: string[]; scopes: string[]; description: string }[];
                actions: { name: string; scopes: string[] }[];
                onEventScripts: Record<string, string[]>;
            }[];
            for (const integration of INTEGRATIONS) {
                const found = compiled.find((c) => c.providerConfigKey === integration);
                expect(found, integration).toBeDefined();
                const names = [
                    ...found!.syncs.map((s) => `syncs/${s.name}`),
                    ...found!.actions.map((a) => `actions/${a.name}`),
                    ...(found!.onEventScripts['validate-connection'] ?? []).map((n) => `on-events/${n}`),
                ];
                expect(names.sort()).toEqual(
                    entriesFor(integration)
                        .map((e) => `${e.kind}/${e.name}`)
                        .sort(),
                );
            }
            // Roles are documented: as `scopes` for the authorization-code integration, in the description for the Worker app.
            const users = (key: string) => compiled.find((c) => c.providerConfigKey === key)!.syncs.find((s) => s.name === 'users')!;
            expect(users('pingone').scopes).toContain('Identity Data Read Only');
            expect(users('pingone-cc').description).toContain('Worker app');
            expect(users('pingone-cc').features).toContain('checkpoints');
        },
    );
});
