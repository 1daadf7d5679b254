import { defineConfig } from 'vitest/config';

/**
 * Whole tools that run in the full suite only (`npm test`, CI): the real Nango compiler, Chromium,
 * the packed package installed from the registry, a 1,000,000-user tenant, the demo, the README's
 * walkthrough, the bench, the kills of every sync at every step boundary and at random (a few
 * hundred CLI processes), and the syncs against a real-time rate limit (request-budget.test.ts
 * follows the same budget on an instant clock in the fast tier). `npm run test:fast` (vitest's mode `fast`) leaves them out for the inner
 * loop; its own no-data-loss tests (resumes, commits, corrupt answers, true outcomes) stay in it.
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
    'test/cli/readme-walkthrough.test.ts',
    'test/scripts/kill-at-every-step.part-*.test.ts',
    'test/scripts/chaos.part-*.test.ts',
    'test/scripts/strict-rate-limit.test.ts',
    'test/scripts/fan-out-rate-limit.test.ts',
    'test/http/adaptive-budget.test.ts',
];

export default defineConfig(({ mode }) => ({
    test: {
        include: ['test/**/*.test.ts'],
        exclude: mode === 'fast' ? slowTier : [],
        globalSetup: ['test/support/built-package.ts'],
        testTimeout: 30_000,
        hookTimeout: 60_000,
        pool: 'forks',
        // Vitest's default is one worker fewer than the cores: one, on the two-core machines this
        // runs on, while most tests wait on child processes, loopback HTTP and SQLite. Three files
        // at once took the full suite from 654 s to 374 s there, with every test passing.
        maxWorkers: 3,
        // Each worker imports the sources once, not once per file (vite's transform and the module
        // graph took 44 s of the suite); no test relies on a fresh module state, and the suite passes
        // either way.
        isolate: false,
        // The JSON report gives .ci/run its pass/fail counts; the default reporter is for people.
        reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    },
}));
