#!/usr/bin/env -S node --max-old-space-size=1024 --max-semi-space-size=16 --wasm-tiering-budget=18000000
// The heap budget: without one, V8 sizes its heap against the machine (up to 4 GB here) and lets a
// long sync's short-lived garbage pile up before collecting it; with a stated budget it collects
// sooner, and the RSS of a million-user sync stays under 200 MB at no cost in speed (npm run bench).
// The young generation is kept at V8's usual size: derived from the smaller budget it shrank, and
// the extra collections while modules load added about 100 ms to every command's start.
// The wasm tiering budget is ten times V8's: undici parses HTTP with a WebAssembly module, and with
// V8's budget two answers made it compile the parser again, optimized, on a background thread that
// the process then waited for at exit: 180 ms of every short command. A long sync still gets there.
// The bench reads its flags from this line, so that it measures syncs as the CLI runs them.
//
// It runs the build (dist/, `npm run build`, which `prepare` runs after `npm ci`): plain Node, no
// TypeScript loader at run time.
import { main } from '../dist/src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
