import { StoreError } from '../errors/store-error.js';
import type { ConnectionsRepo } from './connections-repo.js';
import type { StoreContext } from './store-context.js';

/** Nango's checkpoint: a flat object of strings, finite numbers and booleans. */
export type Checkpoint = Record<string, string | number | boolean>;

/** The first field a checkpoint may not hold, or undefined when every field is a string, a finite number or a boolean. */
export function unstorableCheckpointField(checkpoint: object): string | undefined {
    const flat = (value: unknown) => typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
    return Object.entries(checkpoint).find(([, value]) => !flat(value))?.[0];
}

function checkCheckpoint(sync: string, checkpoint: unknown): Checkpoint {
    if (checkpoint === null || typeof checkpoint !== 'object' || Array.isArray(checkpoint)) {
        throw new StoreError('invalid_checkpoint', `The checkpoint of ${sync} is not an object.`, {
            hint: 'Save a flat object, e.g. { nextLink: "...", since: "2026-01-01T00:00:00Z" }.',
        });
    }
    const field = unstorableCheckpointField(checkpoint);
    if (field !== undefined) {
        throw new StoreError('invalid_checkpoint', `The checkpoint of ${sync} has a field \`${field}\` that is not a string, a finite number or a boolean.`, {
            hint: 'Checkpoints are flat: turn dates into ISO strings and nested values into separate fields.',
        });
    }
    return checkpoint as Checkpoint;
}

function checkSyncName(sync: unknown): string {
    if (typeof sync === 'string' && sync !== '') return sync;
    throw new StoreError('invalid_argument', `The sync name ${JSON.stringify(sync)} is not usable.`, { hint: "Pass the sync's name, e.g. `users`." });
}

export function createCheckpointsRepo(context: StoreContext, connections: ConnectionsRepo) {
    const { db } = context;
    const select = db.prepare<[number, string], { checkpoint: string }>('SELECT checkpoint FROM checkpoints WHERE connection_id = ? AND sync = ?');
    const upsert = db.prepare<[number, string, string, string]>(
        `INSERT INTO checkpoints (connection_id, sync, checkpoint, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (connection_id, sync) DO UPDATE SET checkpoint = excluded.checkpoint, updated_at = excluded.updated_at`,
    );
    const remove = db.prepare<[number, string]>('DELETE FROM checkpoints WHERE connection_id = ? AND sync = ?');

    return {
        get(connection: string, sync: string): Checkpoint | null {
            const row = select.get(connections.idOf(connection), checkSyncName(sync));
            return row === undefined ? null : (JSON.parse(row.checkpoint) as Checkpoint);
        },
        /** Replaces the checkpoint. Inside `store.transaction` it commits together with that page's records. */
        save(connection: string, sync: string, checkpoint: Checkpoint): void {
            const name = checkSyncName(sync);
            upsert.run(connections.idOf(connection), name, JSON.stringify(checkCheckpoint(name, checkpoint)), context.now());
        },
        clear(connection: string, sync: string): void {
            remove.run(connections.idOf(connection), checkSyncName(sync));
        },
    };
}

export type CheckpointsRepo = ReturnType<typeof createCheckpointsRepo>;
