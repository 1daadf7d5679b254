import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Plugin } from 'esbuild';

const ownDirectory = path.dirname(fileURLToPath(import.meta.url));

/**
 * Imports a script file. JavaScript, and TypeScript in a process that loads it (vitest, tsx), import
 * as they are. Elsewhere (the installed CLI runs plain Node) a `.ts` script is bundled in memory by
 * esbuild with its relative imports, and imported from a `data:` URL; its packages (`nango`, `zod`)
 * stay imports, resolved from the script's folder first, then from this package's dependencies.
 */
export async function importScript(file: string): Promise<unknown> {
    try {
        return await import(pathToFileURL(file).href);
    } catch (error) {
        if (!file.endsWith('.ts') || (error as { code?: unknown }).code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error;
    }
    const { build } = await import('esbuild');
    const output = await build({
        entryPoints: [file],
        bundle: true,
        write: false,
        format: 'esm',
        platform: 'node',
        target: 'node20',
        sourcemap: 'inline',
        logLevel: 'silent',
        plugins: [packagesAsFileUrls],
    });
    const code = output.outputFiles[0]!.text;
    return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

/** A module imported from a `data:` URL cannot resolve bare specifiers, so each becomes its file's URL. */
const packagesAsFileUrls: Plugin = {
    name: 'packages-as-file-urls',
    setup(build) {
        build.onResolve({ filter: /^[^./]/ }, async (args) => {
            if (args.pluginData === packagesAsFileUrls || args.path.startsWith('node:')) return undefined;
            for (const resolveDir of [args.resolveDir, ownDirectory]) {
                const found = await build.resolve(args.path, { kind: args.kind, resolveDir, pluginData: packagesAsFileUrls });
                if (found.errors.length > 0) continue;
                return found.external ? { path: args.path, external: true } : { path: pathToFileURL(found.path).href, external: true };
            }
            return undefined;
        });
    },
};
