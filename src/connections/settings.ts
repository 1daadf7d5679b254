import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { UsageError } from '../errors/index.js';

/**
 * The settings a command reads from the environment: the process environment first, then a
 * `.env` file in the working directory for what the environment leaves unset (the usual dotenv
 * rule: real environment variables win).
 */
export function readSettings(env: NodeJS.ProcessEnv, cwd: string): Record<string, string | undefined> {
    const file = path.join(cwd, '.env');
    let fromFile: Record<string, string> = {};
    if (existsSync(file)) {
        try {
            fromFile = parseEnv(readFileSync(file, 'utf8')) as Record<string, string>;
        } catch (error) {
            throw new UsageError(`${file} could not be read: ${error instanceof Error ? error.message : String(error)}`, {
                hint: 'Write one KEY=value per line, e.g. PINGONE_ENVIRONMENT_ID=...',
            });
        }
    }
    return { ...fromFile, ...definedOnly(env) };
}

function definedOnly(env: NodeJS.ProcessEnv): Record<string, string> {
    return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));
}
