#!/usr/bin/env -S node --max-old-space-size=1024 --max-semi-space-size=4 --wasm-tiering-budget=18000000
// The heap budget: without one, V8 sizes its heap against the machine (up to 4 GB here) and lets a
// long sync's short-lived garbage pile up before collecting it; with a stated budget it collects
// sooner. The young generation is stated too: derived from the smaller budget it shrank to the point
// where the collections while modules load added about 100 ms to every command's start; at 4 MB
// semi-spaces the start is as with V8's usual 16 MB, and a sync's peak RSS is 26 MB lower (100,000
// users: 139 MB against 165 MB, its CPU time 3% more; a million users: 157 MB; npm run bench).
// The wasm tiering budget is ten times V8's: undici parses HTTP with a WebAssembly module, and with
// V8's budget two answers made it compile the parser again, optimized, on a background thread that
// the process then waited for at exit: 180 ms of every short command. A long sync still gets there.
// The bench reads its flags from this line, so that it measures syncs as the CLI runs them.
//
// The old generation may grow by 15% between full collections, where V8's own factor let a sync's
// live heap of 20 to 30 MB swell to twice that first; a run's peak RSS was where its last swing topped
// out. A million users: 151 and 152 MB against 163 and 164 MB; 100,000 users: 140 and 141 MB against
// 149; CPU time within the runs' spread. It is set here, before anything else loads, because the
// shebang line would then pass the 127 characters that older Linux kernels read of it; V8 reads the
// factor at each full collection.
//
// It runs the build (dist/, `npm run build`, which `prepare` runs after `npm ci`): plain Node, no
// TypeScript loader at run time.
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--heap-growing-percent=15');
const { main } = await import('../dist/src/cli/main.js');

process.exitCode = await main(process.argv.slice(2));
