import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedNote } from './field-schemas.js';
import { diffOutputs } from './outputs.js';
import { sourceFiles } from './sources.js';

// Rendering (Prettier above all) takes seconds; `--check` runs on every CI build. The manifest records
// a digest of everything the output depends on (sources, guides, the compiler's own code, its
// formatter and generator versions) and of every generated file, so an unchanged tree is confirmed by
// hashing alone. Any mismatch falls back to a full compile, which names the stale files.

export const manifestPath = 'connectors/compile-manifest.generated.json';

const compilerDirectory = fileURLToPath(new URL('.', import.meta.url));
const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const toolPackages = ['prettier', 'ajv', 'json-schema-to-typescript', 'yaml'];

interface Manifest {
    $comment: string;
    inputs: string;
    files: Record<string, string>;
}

/** The digest of every input of a compile from `sourceRoot`. */
export function inputsDigest(sourceRoot: string): string {
    const hash = createHash('sha256');
    const add = (name: string, path: string) => hash.update(`${name}\0${readFileSync(path, 'utf8')}\0`);
    for (const file of Object.values(sourceFiles)) add(file, join(sourceRoot, file));
    for (const file of listFiles(join(sourceRoot, 'guides'))) add(`guides/${file}`, join(sourceRoot, 'guides', file));
    for (const file of listFiles(compilerDirectory)) add(`compiler/${file}`, join(compilerDirectory, file));
    for (const file of ['scripts/compile.ts', 'src/connector/url-template.ts', 'src/connect-ui/heading-anchor.ts', '.prettierrc.json'])
        add(file, join(projectRoot, file));
    for (const name of toolPackages)
        hash.update(`${name}@${(JSON.parse(readFileSync(join(projectRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version}\0`);
    return hash.digest('hex');
}

export function renderManifest(sourceRoot: string, files: ReadonlyMap<string, string>): string {
    const manifest: Manifest = {
        $comment: generatedNote,
        inputs: inputsDigest(sourceRoot),
        files: Object.fromEntries([...files].map(([path, content]) => [path, digest(content)]).sort(([a], [b]) => (a! < b! ? -1 : 1))),
    };
    return `${JSON.stringify(manifest, null, 4)}\n`;
}

/** True when the manifest vouches for the outputs: same inputs, every file as written, no orphans. */
export function manifestConfirms(sourceRoot: string, outputRoot: string): boolean {
    let manifest: Manifest;
    try {
        manifest = JSON.parse(readFileSync(join(outputRoot, manifestPath), 'utf8')) as Manifest;
        if (manifest.inputs !== inputsDigest(sourceRoot)) return false;
    } catch {
        return false;
    }
    const expected = new Map<string, string>();
    for (const [path, hash] of Object.entries(manifest.files)) {
        let content: string;
        try {
            content = readFileSync(join(outputRoot, path), 'utf8');
        } catch {
            return false;
        }
        if (digest(content) !== hash) return false;
        expected.set(path, content);
    }
    expected.set(manifestPath, readFileSync(join(outputRoot, manifestPath), 'utf8'));
    return diffOutputs(outputRoot, expected).orphans.length === 0;
}

function digest(content: string): string {
    return createHash('sha256').update(content).digest('hex');
}

function listFiles(directory: string): string[] {
    try {
        return readdirSync(directory, { withFileTypes: true })
            .filter((entry) => entry.isFile())
            .map((entry) => entry.name)
            .sort();
    } catch {
        return [];
    }
}
