// Tests that start the CLI run bin/pingone-connector.js, which runs the build in dist/. A build
// older than the sources would test yesterday's code, so the run stops before it starts, saying why.
import { staleBuild } from '../../scripts/stale-build.js';

export function setup(): void {
    const stale = staleBuild();
    if (stale !== undefined) throw new Error(`${stale} The tests start the built CLI.`);
}
