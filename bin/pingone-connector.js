#!/usr/bin/env -S node --max-old-space-size=1024
// The heap budget: without one, V8 sizes its heap against the machine (up to 4 GB here) and lets a
// long sync's short-lived garbage pile up before collecting it; with a stated budget it collects
// sooner, and the RSS of a million-user sync stays under 200 MB at no cost in speed (npm run bench).
// The bench reads its flags from this line, so that it measures syncs as the CLI runs them.
//
// The package ships TypeScript sources; tsx loads them so that `npm ci` needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
