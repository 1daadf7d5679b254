import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keptOnceLoaded, pageAssets } from '../../src/connect-ui/assets.js';

// The page script is bundled on first request and kept. The bundler itself has no seam to make it
// fail, so the keeping is proved on keptOnceLoaded with a loader that fails once, and the real
// bundle is checked to come through it.

describe('page assets', () => {
    it('tries a failed load again on the next request instead of keeping the failure', async () => {
        let calls = 0;
        const load = keptOnceLoaded(async () => {
            calls += 1;
            if (calls === 1) throw new Error('esbuild failed');
            return `bundle ${calls}`;
        });
        await expect(load()).rejects.toThrow('esbuild failed');
        await expect(load()).resolves.toBe('bundle 2');
        await expect(load()).resolves.toBe('bundle 2');
        expect(calls).toBe(2);
    });

    it('shares one load between requests that arrive while it runs', async () => {
        let calls = 0;
        const load = keptOnceLoaded(async () => ++calls);
        expect(await Promise.all([load(), load(), load()])).toEqual([1, 1, 1]);
    });

    it('bundles with an esbuild the package declares, not one hoisted from another dependency', () => {
        const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
        expect(manifest.dependencies['esbuild']).toBeDefined();
    });

    it("bundles the page script with the declared esbuild, once per provider, with that provider's generated validators", async () => {
        const first = await pageAssets('pingone-cc')['/assets/page.js']!();
        expect(first.contentType).toBe('text/javascript; charset=utf-8');
        expect(first.body).toContain('launch-token');
        expect(first.body).toContain('// connectors/pingone-cc/validators.generated.js');
        expect(await pageAssets('pingone-cc')['/assets/page.js']!()).toBe(first);
        const other = await pageAssets('pingone')['/assets/page.js']!();
        expect(other.body).toContain('// connectors/pingone/validators.generated.js');
        expect(other.body).not.toContain('connectors/pingone-cc/');
    });
});
