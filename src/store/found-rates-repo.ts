import type { ConnectionsRepo } from './connections-repo.js';
import type { StoreContext } from './store-context.js';

/** The rate a connection's request budget ran at, and the rate of the last 429 above it (its limit as far as known). */
export interface SavedRate {
    requestsPerSecond: number;
    limitAt: number;
    /** When it was saved (ISO 8601). */
    foundAt: string;
}

interface SavedRateRow {
    requests_per_second: number;
    limit_at: number;
    found_at: string;
}

/**
 * What the request budget found out about a connection's rate limit, kept past the process: the
 * next run (another CLI command) starts there instead of finding it again from 429s.
 */
export function createFoundRatesRepo(context: StoreContext, connections: ConnectionsRepo) {
    const { db } = context;
    const select = db.prepare<[number], SavedRateRow>('SELECT requests_per_second, limit_at, found_at FROM found_rates WHERE connection_id = ?');
    // By name, not idOf: a connection removed while its run went on has no rate left to keep, and its
    // run's own failure must be what the caller sees.
    const upsert = db.prepare<[number, number, string, string]>(
        `INSERT INTO found_rates (connection_id, requests_per_second, limit_at, found_at)
         SELECT id, ?, ?, ? FROM connections WHERE name = ?
         ON CONFLICT (connection_id) DO UPDATE SET requests_per_second = excluded.requests_per_second, limit_at = excluded.limit_at, found_at = excluded.found_at`,
    );
    const remove = db.prepare<[string]>('DELETE FROM found_rates WHERE connection_id IN (SELECT id FROM connections WHERE name = ?)');

    return {
        get(connection: string): SavedRate | undefined {
            const row = select.get(connections.idOf(connection));
            return row === undefined ? undefined : { requestsPerSecond: row.requests_per_second, limitAt: row.limit_at, foundAt: row.found_at };
        },
        /** Saves what the budget knows now; undefined (it knows nothing, or no longer) forgets the saved one. */
        save(connection: string, found: Omit<SavedRate, 'foundAt'> | undefined): void {
            if (found === undefined) remove.run(connection);
            else upsert.run(found.requestsPerSecond, Math.max(found.limitAt, found.requestsPerSecond), context.now(), connection);
        },
    };
}

export type FoundRatesRepo = ReturnType<typeof createFoundRatesRepo>;
