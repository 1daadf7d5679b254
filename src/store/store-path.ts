import { mkdirSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { StoreError } from '../errors/store-error.js';

export const defaultStorePath = join('.pingone', 'pingone.db');
export const storePathVariable = 'PINGONE_CONNECTOR_DB';

export interface StorePathOptions {
    /** The value of a `--db` flag, when given; it wins over the environment. */
    flag?: string | undefined;
    env?: NodeJS.ProcessEnv;
    cwd?: string;
}

/** Where the database lives: `--db`, else `PINGONE_CONNECTOR_DB`, else `.pingone/pingone.db`, relative to `cwd`. */
export function resolveStorePath(options: StorePathOptions = {}): string {
    const env = options.env ?? process.env;
    const cwd = options.cwd ?? process.cwd();
    const chosen = options.flag ?? env[storePathVariable];
    if (chosen !== undefined && chosen.trim() === '') {
        const from = options.flag !== undefined ? '--db' : storePathVariable;
        throw new StoreError('invalid_argument', `${from} is empty.`, { hint: `Give ${from} a file path, e.g. ${defaultStorePath}, or leave it unset.` });
    }
    return resolve(cwd, chosen ?? defaultStorePath);
}

/** The secrets file that belongs to a database: `pingone.db` keeps its secrets in `pingone.secrets.json` beside it. */
export function secretsPathFor(databasePath: string): string {
    const name = basename(databasePath, extname(databasePath));
    return join(dirname(databasePath), `${name}.secrets.json`);
}

/** Creates the database's directory readable by its owner only (it also holds the secrets file). */
export function ensureStoreDirectory(databasePath: string): void {
    const directory = dirname(databasePath);
    try {
        mkdirSync(directory, { recursive: true, mode: 0o700 });
    } catch (error) {
        throw new StoreError('io', `Cannot create the store directory ${directory}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`, {
            hint: 'Check that the parent directory exists and is writable, or choose another place with --db or PINGONE_CONNECTOR_DB.',
            cause: error,
        });
    }
}
