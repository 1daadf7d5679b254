// Runs the real Nango CLI's `nango compile` on connectors/ offline, then checks what it generated:
// one bundle per script in connectors/build/, and every script of connectors/shared/catalog.ts in
// connectors/.nango/nango.json, under its integration, with checkpoint use detected for every sync.
//   npm run nango:compile
// Both outputs are build artifacts (gitignored). Nothing goes to the network: no version check, no
// telemetry, no dependency update.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { entriesFor, INTEGRATIONS } from '../connectors/shared/catalog.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const connectors = join(root, 'connectors');
const nangoBin = join(root, 'node_modules', 'nango', 'dist', 'index.js');

interface CompiledIntegration {
    providerConfigKey: string;
    syncs: { name: string; features?: string[]; output?: string[] }[];
    actions: { name: string }[];
    onEventScripts: Record<string, string[]>;
}

function compile(): void {
    // Nango treats a folder as a zero-yaml project when it has index.ts and a .nango folder.
    mkdirSync(join(connectors, '.nango'), { recursive: true });
    const result = spawnSync(process.execPath, [nangoBin, 'compile', '--no-telemetry', '--no-dependency-update', '--no-interactive'], {
        cwd: connectors,
        stdio: 'inherit',
        env: { ...process.env, NANGO_CLI_UPGRADE_MODE: 'ignore', NANGO_CLI_TELEMETRY: 'false', NANGO_CLI_DEPENDENCY_UPDATE: 'false', CI: 'true' },
    });
    if (result.status !== 0) {
        throw new Error(`nango compile failed (exit ${String(result.status)}); its output is above.`);
    }
}

/** Every catalog script that the artifacts lack, as readable lines. */
export function missingFromArtifacts(compiled: readonly CompiledIntegration[]): string[] {
    const problems: string[] = [];
    for (const integration of INTEGRATIONS) {
        const found = compiled.find((entry) => entry.providerConfigKey === integration);
        for (const entry of entriesFor(integration)) {
            const where = `${integration}/${entry.kind}/${entry.name}`;
            if (!existsSync(join(connectors, 'build', `${integration}_${entry.kind}_${entry.name}.cjs`))) {
                problems.push(`${where}: no bundle in connectors/build/`);
            }
            if (entry.kind === 'syncs') {
                const sync = found?.syncs.find((s) => s.name === entry.name);
                if (!sync) problems.push(`${where}: not in .nango/nango.json`);
                else if (!sync.features?.includes('checkpoints')) problems.push(`${where}: Nango did not detect its checkpoints`);
            } else if (entry.kind === 'actions') {
                if (!found?.actions.some((a) => a.name === entry.name)) problems.push(`${where}: not in .nango/nango.json`);
            } else if (!found?.onEventScripts['validate-connection']?.includes(entry.name)) {
                problems.push(`${where}: not in .nango/nango.json`);
            }
        }
    }
    return problems;
}

function main(): void {
    compile();
    const compiled = JSON.parse(readFileSync(join(connectors, '.nango', 'nango.json'), 'utf8')) as CompiledIntegration[];
    const problems = missingFromArtifacts(compiled);
    if (problems.length > 0) {
        for (const problem of problems) console.error(problem);
        process.exitCode = 1;
        return;
    }
    const counts = compiled.map(
        (c) => `${c.providerConfigKey}: ${c.syncs.length} syncs, ${c.actions.length} actions, ${Object.values(c.onEventScripts).flat().length} on-event`,
    );
    console.log(`nango compile: every script is in the artifacts (${counts.join('; ')}).`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
    main();
}
