import { openHarness, type Harness, type HarnessOptions } from '../harness/index.js';
import { resolveStorePath } from '../store/index.js';
import type { CommandContext } from './command.js';

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
        ...options,
        dbPath,
        env: context.env,
        cwd: context.cwd,
        scriptsRoot: options.scriptsRoot ?? context.env['PINGONE_CONNECTOR_SCRIPTS'],
    });
    try {
        return await body(harness);
    } finally {
        await harness.close();
    }
}

/** Writes one JSON document, the whole of a `--json` command's stdout. */
export function printJson(context: CommandContext, value: unknown): void {
    context.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
