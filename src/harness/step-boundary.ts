// Test-only plumbing, inert unless its environment variable is set: it lets a test SIGKILL a sync
// run at each of its step boundaries in turn (docs/guarantees.md, "Killed at any step").
// PINGONE_CONNECTOR_TEST_KILL_AT_STEP=<k> kills this process at the k-th boundary it passes (0 never
// kills); `<name>#<n>` kills it at the n-th boundary of that name (where the k-th falls depends on
// how many commits the run grouped its pages into, which depends on time). Every boundary passed
// is written to stderr as `step <n> <name>`, so that a run with 0 enumerates them. It is read once,
// when the module loads.

const setting = process.env['PINGONE_CONNECTOR_TEST_KILL_AT_STEP'];
const named = setting === undefined ? null : /^(.+)#(\d+)$/.exec(setting);
/** Where to kill: the k-th boundary, or the n-th of a name. */
const killAt = named ? { name: named[1], nth: Number(named[2]) } : { nth: Number(setting) };
let passed = 0;
const passedByName = new Map<string, number>();

/** Marks a step boundary of a sync run: after a commit, after trackDeletesEnd, after a held batch. */
export function stepBoundary(name: string): void {
    if (setting === undefined) return;
    passed++;
    const ofName = (passedByName.get(name) ?? 0) + 1;
    passedByName.set(name, ofName);
    process.stderr.write(`step ${passed} ${name}\n`);
    if (killAt.name === undefined ? passed === killAt.nth : killAt.name === name && ofName === killAt.nth) process.kill(process.pid, 'SIGKILL');
}
