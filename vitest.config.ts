import { defineConfig } from 'vitest/config';

/**
 * Whole tools that run in the full suite only (`npm test`, CI): the real Nango compiler, Chromium,
 * the packed package installed from the registry, a 1,000,000-user tenant, the demo and the bench.
 * `npm run test:fast` (vitest's mode `fast`) leaves them out for the inner loop.
 */
export const slowTier = [
    'test/scripts/nango-compile.test.ts',
    'test/package/**/*.test.ts',
    'test/connect-ui/*-in-browser.test.ts',
    'test/emulator/scale.test.ts',
    'test/cli/demo.test.ts',
    'test/cli/heap-budget.test.ts',
    'test/bench/**/*.test.ts',
    'test/foundation/companion-checks.test.ts',
];

export default defineConfig(({ mode }) => ({
    test: {
        include: ['test/**/*.test.ts'],
        exclude: mode === 'fast' ? slowTier : [],
        globalSetup: ['test/support/built-package.ts'],
        testTimeout: 30_000,
        hookTimeout: 60_000,
        pool: 'forks',
        // The JSON report gives .ci/run its pass/fail counts; the default reporter is for people.
        reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    },
}));
