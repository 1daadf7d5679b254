import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

// The package ships TypeScript sources without a build step, so the page's script is bundled when
// the server first serves it. esbuild is already here as tsx's compiler; the bundle is built in
// memory, once per process.

const pageDirectory = fileURLToPath(new URL('./page/', import.meta.url));

export interface Asset {
    contentType: string;
    body: string;
}

let script: Promise<Asset> | undefined;

async function bundleScript(): Promise<Asset> {
    const { build } = await import('esbuild');
    const output = await build({
        entryPoints: [`${pageDirectory}app.ts`],
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
    '/assets/page.js': () => (script ??= bundleScript()),
    '/assets/page.css': async () => ({ contentType: 'text/css; charset=utf-8', body: await readFile(`${pageDirectory}page.css`, 'utf8') }),
};
