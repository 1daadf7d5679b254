// `npm run compile`: providers.yaml + providers.extensions.yaml + schemas/ + guides/ -> the generated
// connector modules and per-provider schemas. `--check` writes nothing and fails, naming each stale
// file, when a generated file differs from what the sources produce (CI runs it).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DefinitionError } from '../src/errors/index.js';
import { manifestConfirms, manifestPath, renderManifest } from './compiler/manifest.js';
import { diffOutputs, writeOutputs } from './compiler/outputs.js';

const usage = `Usage: npm run compile -- [--check] [--source <dir>] [--out <dir>]
  --check         write nothing; exit 1 naming every generated file that is stale
  --source <dir>  where providers.yaml, providers.extensions.yaml, schemas/ and guides/ are (default: the project)
  --out <dir>     where connectors/ and schemas/<provider>/ are written (default: --source)`;

export interface Output {
    write(text: string): unknown;
}

export async function main(args: string[], io: { stdout: Output; stderr: Output } = process): Promise<number> {
    let flags;
    try {
        flags = parseArgs({
            args,
            options: { check: { type: 'boolean' }, source: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean' } },
            strict: true,
        }).values;
    } catch (error) {
        io.stderr.write(`compile: ${(error as Error).message}\n${usage}\n`);
        return 2;
    }
    if (flags.help === true) {
        io.stdout.write(`${usage}\n`);
        return 0;
    }
    const sourceRoot = resolve(flags.source ?? fileURLToPath(new URL('..', import.meta.url)));
    const outputRoot = resolve(flags.out ?? sourceRoot);
    if (flags.check === true && manifestConfirms(sourceRoot, outputRoot)) {
        io.stdout.write(`compile --check: generated files are up to date (${manifestPath} matches the sources).\n`);
        return 0;
    }
    let files: Map<string, string>;
    try {
        // Loaded only when rendering: Prettier and the generators are the slow part.
        const { compileSources } = await import('./compiler/compile-sources.js');
        files = await compileSources({ sourceRoot, outputRoot });
        files.set(manifestPath, renderManifest(sourceRoot, files));
    } catch (error) {
        if (!(error instanceof DefinitionError)) throw error;
        io.stderr.write(`${error.describe()}\n`);
        return 1;
    }
    const diff = diffOutputs(outputRoot, files);
    if (flags.check === true) {
        if (diff.stale.length === 0 && diff.orphans.length === 0) {
            io.stdout.write(`compile --check: ${files.size} generated files are up to date.\n`);
            return 0;
        }
        for (const path of diff.stale) io.stderr.write(`stale: ${path} differs from what the sources produce.\n`);
        for (const path of diff.orphans) io.stderr.write(`stale: ${path} is generated but no source produces it any more.\n`);
        io.stderr.write('Run `npm run compile` and commit the result.\n');
        return 1;
    }
    writeOutputs(outputRoot, files, diff);
    const changed = diff.stale.length + diff.orphans.length;
    io.stdout.write(
        changed === 0
            ? `compile: ${files.size} generated files already up to date.\n`
            : `compile: wrote ${diff.stale.length}, removed ${diff.orphans.length} of ${files.size} generated files.\n`,
    );
    return 0;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    process.exitCode = await main(process.argv.slice(2));
}
