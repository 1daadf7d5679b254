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
// It runs the build (dist/, `npm run build`, which `prepare` runs after `npm ci`): plain Node, no
// TypeScript loader at run time.
import { main } from '../dist/src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
