// The Node flags the CLI runs with, from its shebang line (`#!/usr/bin/env -S node <flags>`), so
// that bench children run a sync in the process the CLI would give it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { staleBuild } from '../scripts/stale-build.js';

export const cliBin = new URL('../bin/pingone-connector.js', import.meta.url);

/** The CLI's file, once the build it runs is known to be current: a stale one would measure yesterday's code. */
export function builtCli(): string {
    const stale = staleBuild();
    if (stale !== undefined) throw new Error(`${stale} The bench runs the built CLI.`);
    return fileURLToPath(cliBin);
}

export function cliNodeFlags(): string[] {
    const shebang = readFileSync(cliBin, 'utf8').split('\n', 1)[0] ?? '';
    const match = /^#!\/usr\/bin\/env\s+(?:-S\s+)?node((?:\s+--\S+)*)\s*$/.exec(shebang);
    if (!match) throw new Error(`The first line of ${cliBin.pathname} is not a node shebang: ${shebang}`);
    return (match[1] ?? '').trim().split(/\s+/).filter(Boolean);
}
