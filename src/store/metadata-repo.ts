import { StoreError } from '../errors/store-error.js';
import type { ConnectionsRepo } from './connections-repo.js';
import type { StoreContext } from './store-context.js';

export type ConnectionMetadata = Record<string, unknown>;

function checkMetadata(connection: string, metadata: unknown): ConnectionMetadata {
    if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata)) {
        throw new StoreError('invalid_argument', `The metadata of connection ${connection} must be an object.`, {
            hint: 'Pass a JSON object, e.g. { "region": "eu" }.',
        });
    }
    return metadata as ConnectionMetadata;
}

/** Nango's connection metadata: `set` replaces it, `update` merges the top-level fields. */
export function createMetadataRepo(context: StoreContext, connections: ConnectionsRepo) {
    const { db } = context;
    const select = db.prepare<[number], { metadata: string }>('SELECT metadata FROM connections WHERE id = ?');
    const write = db.prepare<[string, string, number]>('UPDATE connections SET metadata = ?, updated_at = ? WHERE id = ?');

    function get(connection: string): ConnectionMetadata {
        const row = select.get(connections.idOf(connection)) as { metadata: string };
        return JSON.parse(row.metadata) as ConnectionMetadata;
    }

    return {
        get,
        set(connection: string, metadata: ConnectionMetadata): void {
            write.run(JSON.stringify(checkMetadata(connection, metadata)), context.now(), connections.idOf(connection));
        },
        update: context.writeTransaction((connection: string, metadata: ConnectionMetadata): ConnectionMetadata => {
            const merged = { ...get(connection), ...checkMetadata(connection, metadata) };
            write.run(JSON.stringify(merged), context.now(), connections.idOf(connection));
            return merged;
        }),
    };
}

export type MetadataRepo = ReturnType<typeof createMetadataRepo>;
