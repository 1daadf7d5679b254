// `npm run compile`: providers.yaml + providers.extensions.yaml + schemas/ + guides/ -> the generated
// connector modules, per-provider schemas and the scripts' shared facts. `--check` writes nothing and
// fails, naming each stale file and the command that fixes it, when a generated file differs from what
// its sources produce: the compiler's own files, and (run beside it) the record-model schemas and the
// Nango entry files, so that CI needs this one check.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DefinitionError } from '../src/errors/index.js';
import { companionChecks, companionsApply, runCompanionChecks, type CompanionResult } from './compiler/companion-checks.js';
import { manifestConfirms, manifestPath, renderManifest } from './compiler/manifest.js';
import { diffOutputs, writeOutputs } from './compiler/outputs.js';

const usage = `Usage: npm run compile -- [--check] [--source <dir>] [--out <dir>]
  --check         write nothing; exit 1 naming every generated file that is stale (with the project's own
                  roots, also runs \`npm run models -- --check\` and \`npm run scripts:entries -- --check\`)
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
    if (flags.check !== true) return compile(sourceRoot, outputRoot, false, io);
    // Started first: they run in their own processes while this one checks its own files.
    const companions = companionsApply(sourceRoot, outputRoot) ? runCompanionChecks() : Promise.resolve([]);
    const own = await compile(sourceRoot, outputRoot, true, io);
    return reportCompanions(await companions, own, io);
}

function reportCompanions(results: CompanionResult[], own: number, io: { stdout: Output; stderr: Output }): number {
    const failed = results.filter((result) => !result.ok);
    for (const result of failed) io.stderr.write(result.report);
    if (results.length > 0 && failed.length === 0) {
        io.stdout.write(`compile --check: ${companionChecks.map((check) => `\`${check.fix} -- --check\``).join(' and ')} passed too.\n`);
    }
    return own !== 0 ? own : failed.length > 0 ? 1 : 0;
}

async function compile(sourceRoot: string, outputRoot: string, check: boolean, io: { stdout: Output; stderr: Output }): Promise<number> {
    if (check && manifestConfirms(sourceRoot, outputRoot)) {
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
    if (check) {
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
