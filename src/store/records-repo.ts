import { StoreError } from '../errors/store-error.js';
import type { ConnectionsRepo } from './connections-repo.js';
import type { ModelRow, ModelsRepo } from './models-repo.js';
import { contentsOf, recordContent, recordId, sameContent, type RecordContent, type RecordPayload } from './record-content.js';
import type { StoreContext } from './store-context.js';

export interface SaveResult {
    added: number;
    updated: number;
    unchanged: number;
}

export interface UpdateResult {
    updated: number;
    unchanged: number;
    /** Ids with no live record to update (never saved, or deleted); Nango ignores these too. */
    missing: string[];
}

export interface DeleteResult {
    deleted: number;
    /** Ids with no live record (never saved, or deleted already). */
    missing: string[];
}

interface ExistingRow {
    id: string;
    hash: Buffer;
    deleted: 0 | 1;
    seen_generation: number;
}

interface PayloadRow {
    payload: string;
    hash: Buffer;
}

export function checkModelName(model: unknown): string {
    if (typeof model === 'string' && model !== '' && model.length <= 200) return model;
    throw new StoreError('invalid_argument', `The model name ${JSON.stringify(model)} is not usable.`, {
        hint: 'Pass the model name the script declares, e.g. `User`.',
    });
}

/**
 * Writes of records. Each call is one transaction (a savepoint inside `store.transaction`), and
 * every record it changes gets a new cursor from its model's counter, so `listRecords` pages stay
 * in modification order. Writing a record also marks it seen by the model's track-deletes generation.
 */
export function createRecordsRepo(context: StoreContext, connections: ConnectionsRepo, models: ModelsRepo) {
    const { db } = context;
    // One lookup per batch rather than per record.
    const selectExisting = db.prepare<[number, string], ExistingRow>(
        'SELECT id, hash, deleted_at IS NOT NULL AS deleted, seen_generation FROM records WHERE model_id = ? AND id IN (SELECT value FROM json_each(?))',
    );
    const selectPayload = db.prepare<[number, string], PayloadRow>('SELECT payload, hash FROM records WHERE model_id = ? AND id = ? AND deleted_at IS NULL');
    // A payload is bound as its UTF-8 bytes (RecordContent.json) and stored as the text they spell.
    const insert = db.prepare<[number, string, Buffer, Buffer, string, string, number, number]>(
        `INSERT INTO records (model_id, id, payload, hash, first_seen_at, last_modified_at, deleted_at, last_action, cursor, seen_generation)
         VALUES (?, ?, CAST(? AS TEXT), ?, ?, ?, NULL, 'ADDED', ?, ?)`,
    );
    const rewrite = db.prepare<[Buffer, Buffer, string, string, number, number, number, string]>(
        `UPDATE records SET payload = CAST(? AS TEXT), hash = ?, last_modified_at = ?, deleted_at = NULL, last_action = ?, cursor = ?, seen_generation = ?
         WHERE model_id = ? AND id = ?`,
    );
    const markSeen = db.prepare<[number, number, string]>('UPDATE records SET seen_generation = ? WHERE model_id = ? AND id = ?');
    // The same content in a new key order: its text and hash are replaced so that the next re-save
    // matches by hash, and its metadata stays, as for any unchanged record.
    const refresh = db.prepare<[Buffer, Buffer, number, number, string]>(
        'UPDATE records SET payload = CAST(? AS TEXT), hash = ?, seen_generation = ? WHERE model_id = ? AND id = ?',
    );
    const softDelete = db.prepare<[string, string, number, number, string]>(
        `UPDATE records SET deleted_at = ?, last_modified_at = ?, last_action = 'DELETED', cursor = ? WHERE model_id = ? AND id = ? AND deleted_at IS NULL`,
    );
    const selectByIds = db.prepare<[number, string, number], { id: string; payload: string }>(
        'SELECT id, payload FROM records WHERE model_id = ? AND id IN (SELECT value FROM json_each(?)) AND (deleted_at IS NULL OR ?)',
    );

    function modelFor(connection: string, model: string): ModelRow {
        return models.ensure(connections.idOf(connection), checkModelName(model));
    }

    function isReordered(modelId: number, content: RecordContent): boolean {
        const stored = selectPayload.get(modelId, content.id);
        return stored !== undefined && sameContent(stored.payload, content);
    }

    const saveContents = context.writeTransaction((connection: string, model: string, contents: ReadonlyMap<string, RecordContent>): SaveResult => {
        const row = modelFor(connection, model);
        const now = context.now();
        const result: SaveResult = { added: 0, updated: 0, unchanged: 0 };
        let cursor = row.last_cursor;
        const existingRows = new Map<string, ExistingRow>();
        for (const existing of selectExisting.iterate(row.id, JSON.stringify([...contents.keys()]))) existingRows.set(existing.id, existing);
        for (const content of contents.values()) {
            const existing = existingRows.get(content.id);
            if (existing === undefined) {
                insert.run(row.id, content.id, content.json, content.hash, now, now, ++cursor, row.generation);
                result.added++;
            } else if (existing.deleted === 0 && existing.hash.equals(content.hash)) {
                if (existing.seen_generation !== row.generation) markSeen.run(row.generation, row.id, content.id);
                result.unchanged++;
            } else if (existing.deleted === 0 && isReordered(row.id, content)) {
                refresh.run(content.json, content.hash, row.generation, row.id, content.id);
                result.unchanged++;
            } else {
                // A record that comes back after a delete is added again, as Nango reports it.
                const action = existing.deleted === 1 ? 'ADDED' : 'UPDATED';
                rewrite.run(content.json, content.hash, now, action, ++cursor, row.generation, row.id, content.id);
                if (action === 'ADDED') result.added++;
                else result.updated++;
            }
        }
        if (cursor !== row.last_cursor) models.setCursor(row.id, cursor);
        return result;
    });

    const updateBatch = context.writeTransaction((connection: string, model: string, partials: readonly unknown[]): UpdateResult => {
        if (!Array.isArray(partials))
            throw new StoreError('invalid_argument', `The ${model} update batch is not an array.`, { hint: 'Pass an array of partial records.' });
        // Several partials for one id merge in order, then count as one update.
        const merged = new Map<string, RecordPayload>();
        partials.forEach((partial, index) => {
            const where = `Record ${index} of the ${model} update batch`;
            if (partial === null || typeof partial !== 'object' || Array.isArray(partial)) {
                throw new StoreError('invalid_record', `${where} is not an object.`, { hint: 'Pass partial records with an `id` field.' });
            }
            const id = recordId((partial as RecordPayload)['id'], where);
            merged.set(id, { ...merged.get(id), ...(partial as RecordPayload) });
        });
        const row = modelFor(connection, model);
        const now = context.now();
        const result: UpdateResult = { updated: 0, unchanged: 0, missing: [] };
        let cursor = row.last_cursor;
        for (const [id, partial] of merged) {
            const existing = selectPayload.get(row.id, id);
            if (existing === undefined) {
                result.missing.push(id);
                continue;
            }
            const stored = JSON.parse(existing.payload) as RecordPayload;
            // The stored id keeps its type (a number stays a number) whatever the partial says.
            const content = recordContent({ ...stored, ...partial, id: stored['id'] }, `Record ${id} of the ${model} update batch`);
            if (existing.hash.equals(content.hash)) {
                markSeen.run(row.generation, row.id, id);
                result.unchanged++;
            } else if (sameContent(existing.payload, content)) {
                refresh.run(content.json, content.hash, row.generation, row.id, id);
                result.unchanged++;
            } else {
                rewrite.run(content.json, content.hash, now, 'UPDATED', ++cursor, row.generation, row.id, id);
                result.updated++;
            }
        }
        if (cursor !== row.last_cursor) models.setCursor(row.id, cursor);
        return result;
    });

    const deleteBatch = context.writeTransaction((connection: string, model: string, records: readonly unknown[]): DeleteResult => {
        if (!Array.isArray(records))
            throw new StoreError('invalid_argument', `The ${model} delete batch is not an array.`, { hint: 'Pass an array of records with an `id` field.' });
        const ids = new Set(
            records.map((record, index) =>
                recordId(
                    record !== null && typeof record === 'object' ? (record as RecordPayload)['id'] : undefined,
                    `Record ${index} of the ${model} delete batch`,
                ),
            ),
        );
        const row = modelFor(connection, model);
        const now = context.now();
        const result: DeleteResult = { deleted: 0, missing: [] };
        let cursor = row.last_cursor;
        for (const id of ids) {
            if (softDelete.run(now, now, cursor + 1, row.id, id).changes > 0) {
                cursor++;
                result.deleted++;
            } else {
                result.missing.push(id);
            }
        }
        if (cursor !== row.last_cursor) models.setCursor(row.id, cursor);
        return result;
    });

    return {
        /** Adds or updates records; an identical re-save is `unchanged` and keeps its cursor. */
        saveBatch(connection: string, model: string, records: readonly unknown[]): SaveResult {
            return saveContents(connection, model, contentsOf(records, model));
        },
        /**
         * `saveBatch` of records already serialised by `contentsOf` (the harness does it as the
         * script saves them, so that what it holds until the commit is one string a record).
         */
        saveContents(connection: string, model: string, contents: ReadonlyMap<string, RecordContent>): SaveResult {
            return saveContents(connection, model, contents);
        },
        /** Merges each partial record (shallowly) into the live record with its id. */
        updateBatch(connection: string, model: string, partials: readonly unknown[]): UpdateResult {
            return updateBatch(connection, model, partials);
        },
        /** Soft-deletes: the record stays, with `deleted_at` set and `last_action` DELETED. */
        deleteBatch(connection: string, model: string, records: readonly unknown[]): DeleteResult {
            return deleteBatch(connection, model, records);
        },
        /** The live records with these ids, keyed by the ids exactly as passed (a number stays a number). */
        getByIds<K extends string | number>(
            connection: string,
            model: string,
            ids: readonly K[],
            options: { includeDeleted?: boolean } = {},
        ): Map<K, RecordPayload> {
            const found = new Map<K, RecordPayload>();
            const row = models.find(connections.idOf(connection), checkModelName(model));
            if (row === undefined || ids.length === 0) return found;
            const keysById = new Map<string, K[]>();
            for (const key of ids) {
                const id = recordId(key, `The id ${JSON.stringify(key)} asked of ${model}`);
                keysById.set(id, [...(keysById.get(id) ?? []), key]);
            }
            for (const { id, payload } of selectByIds.iterate(row.id, JSON.stringify([...keysById.keys()]), options.includeDeleted ? 1 : 0)) {
                const record = JSON.parse(payload) as RecordPayload;
                for (const key of keysById.get(id) ?? []) found.set(key, record);
            }
            return found;
        },
    };
}

export type RecordsRepo = ReturnType<typeof createRecordsRepo>;
