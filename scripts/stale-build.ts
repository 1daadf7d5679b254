// Whether dist/ is older than the sources: the built CLI (bin/pingone-connector.js runs dist/)
// would then run yesterday's code. The tests' set-up and the bench's CLI measurements refuse it.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
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

/** Why the build cannot be used (missing, or older than a source file), or undefined when it is current. */
export function staleBuild(): string | undefined {
    if (!existsSync(built)) return 'dist/ is missing: run `npm run build` (npm ci runs it).';
    const builtAt = statSync(built).mtimeMs;
    for (const folder of ['src', 'connectors']) {
        const newest = newestSource(join(root, folder));
        if (newest.mtimeMs > builtAt) return `dist/ is older than ${newest.file.slice(root.length)}: run \`npm run build\`.`;
    }
    return undefined;
}
