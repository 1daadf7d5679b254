// Test-only plumbing, inert unless its environment variable is set: it lets a test SIGKILL a sync
// run at each of its step boundaries in turn (docs/guarantees.md, "Killed at any step").
// PINGONE_CONNECTOR_TEST_KILL_AT_STEP=<k> kills this process at the k-th boundary it passes (0 never
// kills), and every boundary passed is written to stderr as `step <n> <name>`, so that a run with 0
// enumerates them. It is read once, when the module loads.

const setting = process.env['PINGONE_CONNECTOR_TEST_KILL_AT_STEP'];
const killAt = setting === undefined ? undefined : Number(setting);
let passed = 0;

/** Marks a step boundary of a sync run: after a commit, after trackDeletesEnd, after a held batch. */
export function stepBoundary(name: string): void {
    if (killAt === undefined) return;
    passed++;
    process.stderr.write(`step ${passed} ${name}\n`);
    if (passed === killAt) process.kill(process.pid, 'SIGKILL');
}
