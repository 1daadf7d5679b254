import { statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors/index.js';
import { openHarness, type Harness, type HarnessOptions } from '../harness/index.js';
import { resolveStorePath } from '../store/index.js';
import type { CommandContext } from './command.js';

const scriptsVariable = 'PINGONE_CONNECTOR_SCRIPTS';

/** The flags every harness command shares. */
export const harnessFlags = {
    db: { type: 'string' },
    json: { type: 'boolean' },
} as const;

export const harnessFlagsHelp = `  --db <file>       the database (default .pingone/pingone.db; or PINGONE_CONNECTOR_DB)
  --json            print one JSON document instead of text`;

/** Opens the harness for a command, with its database from `--db` or the environment, and closes it after. */
export async function withHarness<T>(
    context: CommandContext,
    db: string | undefined,
    body: (harness: Harness) => Promise<T>,
    options: Omit<HarnessOptions, 'dbPath' | 'env' | 'cwd'> = {},
): Promise<T> {
    const dbPath = resolveStorePath({ flag: db, env: context.env, cwd: context.cwd });
    const harness = openHarness({
        onWarning: (message) => context.stderr.write(`warning: ${message}\n`),
        ...options,
        dbPath,
        env: context.env,
        cwd: context.cwd,
        scriptsRoot: options.scriptsRoot ?? scriptsRootFrom(context),
    });
    try {
        return await body(harness);
    } finally {
        await harness.close();
    }
}

/** `PINGONE_CONNECTOR_SCRIPTS`, a directory of scripts in Nango's layout, taken relative to the command's directory. */
function scriptsRootFrom(context: CommandContext): string | undefined {
    const value = context.env[scriptsVariable];
    if (value === undefined) return undefined;
    const root = path.resolve(context.cwd, value);
    if (value === '' || !statSync(root, { throwIfNoEntry: false })?.isDirectory()) {
        throw new UsageError(`${scriptsVariable}=${JSON.stringify(value)} is not a directory (${root}).`, {
            hint: `Point it at a folder holding <integration>/{syncs,actions,on-events}/<name>.ts, or unset it to run the package's own scripts.`,
        });
    }
    return root;
}

/** Writes one JSON document, the whole of a `--json` command's stdout. */
export function printJson(context: CommandContext, value: unknown): void {
    context.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
