import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { generatedNote } from './field-schemas.js';

// The compiler owns only files that carry its generated note: under connectors/ it touches
// *.generated.* files (Nango scripts live beside them), under schemas/ the per-provider folders.

export interface OutputDiff {
    /** Files whose content differs from what the sources produce, or that do not exist yet. */
    stale: string[];
    /** Generated files the sources no longer produce (a provider was removed). */
    orphans: string[];
}

export function diffOutputs(outputRoot: string, files: ReadonlyMap<string, string>): OutputDiff {
    const orphans = generatedFilesUnder(outputRoot).filter((path) => !files.has(path));
    return { stale: staleFiles(outputRoot, files), orphans };
}

/** The paths (relative to `outputRoot`) whose file is missing or differs from its expected content. */
export function staleFiles(outputRoot: string, files: ReadonlyMap<string, string>): string[] {
    return [...files].filter(([path, content]) => readOrUndefined(join(outputRoot, path)) !== content).map(([path]) => path);
}

/** Writes each stale file through a temporary file and rename, then removes orphans: readers never see half a file. */
export function writeOutputs(outputRoot: string, files: ReadonlyMap<string, string>, diff: OutputDiff): void {
    for (const path of diff.stale) {
        const target = join(outputRoot, path);
        mkdirSync(dirname(target), { recursive: true });
        const temporary = `${target}.${process.pid}.tmp`;
        writeFileSync(temporary, files.get(path)!);
        renameSync(temporary, target);
    }
    for (const path of diff.orphans) rmSync(join(outputRoot, path));
}

function generatedFilesUnder(outputRoot: string): string[] {
    const found: string[] = [];
    const walk = (directory: string, depth: number, accept: (name: string) => boolean) => {
        if (!existsSync(directory) || depth < 0) return;
        for (const entry of readdirSync(directory, { withFileTypes: true })) {
            const path = join(directory, entry.name);
            if (entry.isDirectory()) walk(path, depth - 1, accept);
            else if (accept(entry.name) && (readOrUndefined(path) ?? '').includes(generatedNote)) found.push(relative(outputRoot, path));
        }
    };
    walk(join(outputRoot, 'connectors'), 1, (name) => name.includes('.generated.'));
    walk(join(outputRoot, 'schemas'), 1, (name) => name.endsWith('.schema.json'));
    return found.filter((path) => path.split('/').length === 3 || path === 'connectors/registry.generated.ts').sort();
}

function readOrUndefined(path: string): string | undefined {
    try {
        return readFileSync(path, 'utf8');
    } catch {
        return undefined;
    }
}
