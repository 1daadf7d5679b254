import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

// The page's script is bundled when the server first serves it, with esbuild (a dependency of its
// own), from the TypeScript sources or, in the built package, from their JavaScript in dist/. The
// bundle is built in memory, once per process.

const pageDirectory = fileURLToPath(new URL('./page/', import.meta.url));

export interface Asset {
    contentType: string;
    body: string;
}

/**
 * `load` once, shared by every caller, as long as it succeeds: a failure is not kept, so the next
 * caller tries again (a bundle that failed once must not answer 500 until the command restarts).
 */
export function keptOnceLoaded<T>(load: () => Promise<T>): () => Promise<T> {
    let loaded: Promise<T> | undefined;
    return () => {
        loaded ??= load().catch((error: unknown) => {
            loaded = undefined;
            throw error;
        });
        return loaded;
    };
}

async function bundleScript(): Promise<Asset> {
    const { build } = await import('esbuild');
    const output = await build({
        entryPoints: [existsSync(`${pageDirectory}app.ts`) ? `${pageDirectory}app.ts` : `${pageDirectory}app.js`],
        bundle: true,
        write: false,
        format: 'esm',
        target: 'es2022',
        platform: 'browser',
        minify: false,
        sourcemap: false,
        logLevel: 'silent',
    });
    return { contentType: 'text/javascript; charset=utf-8', body: output.outputFiles[0]!.text };
}

export const assets: Record<string, () => Promise<Asset>> = {
    '/assets/page.js': keptOnceLoaded(bundleScript),
    '/assets/page.css': async () => ({ contentType: 'text/css; charset=utf-8', body: await readFile(`${pageDirectory}page.css`, 'utf8') }),
};
