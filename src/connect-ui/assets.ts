import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';

// The package ships TypeScript sources without a build step, so the page's script is bundled when
// the server first serves it, with esbuild (a dependency of its own, also tsx's compiler). The bundle
// is built in memory, once per process and provider: it carries that provider's own generated ajv
// validators (connectors/<provider>/validators.generated.js), so the page decides with exactly the
// code the server runs.

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

const connectorsDirectory = fileURLToPath(new URL('../../connectors/', import.meta.url));
const providerKeyPattern = /^[a-z0-9-]+$/;

/** The page's import of `provider-validators` (page/provider-validators.d.ts) is this provider's generated file. */
function providerValidators(providerKey: string): Plugin {
    return {
        name: 'provider-validators',
        setup(build) {
            build.onResolve({ filter: /^provider-validators$/ }, () => ({ path: `${connectorsDirectory}${providerKey}/validators.generated.js` }));
        },
    };
}

async function bundleScript(providerKey: string): Promise<Asset> {
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
        plugins: [providerValidators(providerKey)],
    });
    return { contentType: 'text/javascript; charset=utf-8', body: output.outputFiles[0]!.text };
}

const scripts = new Map<string, () => Promise<Asset>>();

/** The page's script and style for one provider's form. */
export function pageAssets(providerKey: string): Record<string, () => Promise<Asset>> {
    if (!providerKeyPattern.test(providerKey)) throw new Error(`Not a provider key: ${JSON.stringify(providerKey)}.`);
    let script = scripts.get(providerKey);
    if (script === undefined) scripts.set(providerKey, (script = keptOnceLoaded(() => bundleScript(providerKey))));
    return {
        '/assets/page.js': script,
        '/assets/page.css': async () => ({ contentType: 'text/css; charset=utf-8', body: await readFile(`${pageDirectory}page.css`, 'utf8') }),
    };
}
