import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// npm 12 skips a dependency's install scripts unless package.json's `allowScripts` allows it, and
// without its install script better-sqlite3 has no native module: `npm ci` would pass and every
// command that stores a record would fail. The lockfile marks each package that has such a script.

interface LockedPackage {
    hasInstallScript?: boolean;
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));

/** `node_modules/a/node_modules/@b/c` → `@b/c`. */
const packageName = (lockPath: string): string => lockPath.slice(lockPath.lastIndexOf('node_modules/') + 'node_modules/'.length);

describe('install scripts', () => {
    it('every locked package with an install script is allowed to run it, by name', () => {
        const lock = readJson('package-lock.json') as { packages: Record<string, LockedPackage> };
        const { allowScripts = {} } = readJson('package.json') as { allowScripts?: Record<string, boolean> };
        const needing = Object.entries(lock.packages)
            .filter(([, locked]) => locked.hasInstallScript === true)
            .map(([path]) => packageName(path));
        expect(needing).toContain('better-sqlite3');
        expect(needing.filter((name) => allowScripts[name] !== true)).toEqual([]);
    });
});
