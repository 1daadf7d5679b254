// Tests that start the CLI run bin/pingone-connector.js, which runs the build in dist/. A build
// older than the sources would test yesterday's code, so the run stops before it starts, saying why.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const built = join(root, 'dist', 'src', 'cli', 'main.js');
const skipped = new Set(['build', '.nango', 'node_modules']);

function newestSource(folder: string): { file: string; mtimeMs: number } {
    let newest = { file: folder, mtimeMs: 0 };
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
        if (skipped.has(entry.name)) continue;
        const path = join(folder, entry.name);
        const candidate = entry.isDirectory() ? newestSource(path) : { file: path, mtimeMs: statSync(path).mtimeMs };
        if (candidate.mtimeMs > newest.mtimeMs) newest = candidate;
    }
    return newest;
}

export function setup(): void {
    if (!existsSync(built)) {
        throw new Error('dist/ is missing: run `npm run build` (npm ci runs it) before the tests, which start the built CLI.');
    }
    const builtAt = statSync(built).mtimeMs;
    for (const folder of ['src', 'connectors']) {
        const newest = newestSource(join(root, folder));
        if (newest.mtimeMs > builtAt) {
            throw new Error(`dist/ is older than ${newest.file.slice(root.length)}: run \`npm run build\` before the tests, which start the built CLI.`);
        }
    }
}
