import type Database from 'better-sqlite3';

/** What every repository shares: the open database, its path (for messages), the clock, and how to write. */
export interface StoreContext {
    readonly db: Database.Database;
    readonly path: string;
    /** An ISO 8601 timestamp with milliseconds; tests pass their own clock to openStore. */
    now(): string;
    /**
     * `fn` as one write transaction (a savepoint when called inside another). It begins IMMEDIATE:
     * a plain BEGIN reads first and then fails at once with SQLITE_BUSY when it must write while
     * another process writes, or has written since; IMMEDIATE takes the write lock first, and so
     * waits for the other writer (busy_timeout). It also keeps the write-ahead log bounded.
     */
    writeTransaction<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R;
}
