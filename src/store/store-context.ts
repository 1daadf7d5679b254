import type Database from 'better-sqlite3';

/** What every repository shares: the open database, its path (for messages) and the clock. */
export interface StoreContext {
    readonly db: Database.Database;
    readonly path: string;
    /** An ISO 8601 timestamp with milliseconds; tests pass their own clock to openStore. */
    now(): string;
}
