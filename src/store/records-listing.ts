import type Database from 'better-sqlite3';
import { StoreError } from '../errors/store-error.js';
import type { ConnectionsRepo } from './connections-repo.js';
import type { ModelsRepo } from './models-repo.js';
import type { RecordPayload } from './record-content.js';
import { checkModelName } from './records-repo.js';
import type { StoreContext } from './store-context.js';

export type RecordAction = 'ADDED' | 'UPDATED' | 'DELETED';

/** Nango's `_nango_metadata`. */
export interface RecordMetadata {
    first_seen_at: string;
    last_modified_at: string;
    last_action: RecordAction;
    deleted_at: string | null;
    pruned_at: string | null;
    /** Opaque: pass it back as `cursor` to list what changed after this record. */
    cursor: string;
}

export type NangoRecord = RecordPayload & { _nango_metadata: RecordMetadata };

/** Nango's `listRecords` query: `filter` is one action or two joined by a comma, in any case. */
export interface ListOptions {
    cursor?: string | null | undefined;
    limit?: number | undefined;
    /** Records modified at or after this instant. */
    modifiedAfter?: string | Date | undefined;
    ids?: readonly (string | number)[] | undefined;
    filter?: string | undefined;
}

export interface RecordPage {
    records: NangoRecord[];
    /** Null on the last page. */
    next_cursor: string | null;
}

export interface ModelSummary {
    model: string;
    total: number;
    deleted: number;
}

interface ListedRow {
    payload: string;
    first_seen_at: string;
    last_modified_at: string;
    last_action: RecordAction;
    deleted_at: string | null;
    cursor: number;
}

const defaultListLimit = 100;
const maxListLimit = 10_000;
const actions: readonly RecordAction[] = ['ADDED', 'UPDATED', 'DELETED'];

function parseCursor(cursor: string | null | undefined): number {
    if (cursor === undefined || cursor === null || cursor === '') return 0;
    if (/^\d{1,15}$/.test(cursor)) return Number(cursor);
    throw new StoreError('invalid_cursor', `The cursor ${JSON.stringify(cursor)} is not one this store handed out.`, {
        hint: "Pass back a `next_cursor` or a record's `_nango_metadata.cursor` unchanged, or no cursor to start from the beginning.",
    });
}

function parseLimit(limit: number | undefined): number {
    if (limit === undefined) return defaultListLimit;
    if (Number.isInteger(limit) && limit >= 1 && limit <= maxListLimit) return limit;
    throw new StoreError('invalid_argument', `The limit ${limit} is out of range.`, { hint: `Use a whole number from 1 to ${maxListLimit}.` });
}

function parseModifiedAfter(value: string | Date | undefined): string | undefined {
    if (value === undefined) return undefined;
    const date = value instanceof Date ? value : new Date(value);
    if (Number.isNaN(date.getTime())) {
        throw new StoreError('invalid_argument', `modifiedAfter ${JSON.stringify(value)} is not a date.`, {
            hint: 'Use an ISO 8601 timestamp, e.g. 2026-01-31T12:00:00.000Z.',
        });
    }
    // Stored timestamps are toISOString() text, so text comparison is time comparison.
    return date.toISOString();
}

function parseFilter(filter: string | undefined): RecordAction[] | undefined {
    if (filter === undefined || filter === '') return undefined;
    return filter.split(',').map((part) => {
        const action = part.trim().toUpperCase() as RecordAction;
        if (actions.includes(action)) return action;
        throw new StoreError('invalid_argument', `The filter ${JSON.stringify(filter)} names an unknown action ${JSON.stringify(part)}.`, {
            hint: 'Use added, updated or deleted, or two of them joined by a comma (e.g. added,updated).',
        });
    });
}

function toNangoRecord(row: ListedRow): NangoRecord {
    return {
        ...(JSON.parse(row.payload) as RecordPayload),
        _nango_metadata: {
            first_seen_at: row.first_seen_at,
            last_modified_at: row.last_modified_at,
            last_action: row.last_action,
            deleted_at: row.deleted_at,
            pruned_at: null,
            cursor: String(row.cursor),
        },
    };
}

/** Reads of records in cursor order, a page at a time, so memory stays flat however large a model is. */
export function createRecordsListing(context: StoreContext, connections: ConnectionsRepo, models: ModelsRepo) {
    const { db } = context;
    // One prepared statement per combination of optional clauses, made on first use.
    const statements = new Map<string, Database.Statement<unknown[], ListedRow>>();
    const summary = db.prepare<[number], ModelSummary>(
        `SELECT m.name AS model, COUNT(r.id) AS total, COUNT(r.deleted_at) AS deleted
         FROM models m LEFT JOIN records r ON r.model_id = m.id WHERE m.connection_id = ? GROUP BY m.id ORDER BY m.name`,
    );

    function statementFor(shape: { modifiedAfter: boolean; ids: boolean; actions: number }): Database.Statement<unknown[], ListedRow> {
        const key = `${shape.modifiedAfter}/${shape.ids}/${shape.actions}`;
        let statement = statements.get(key);
        if (statement === undefined) {
            const clauses = ['model_id = ?', 'cursor > ?'];
            if (shape.modifiedAfter) clauses.push('last_modified_at >= ?');
            if (shape.ids) clauses.push('id IN (SELECT value FROM json_each(?))');
            if (shape.actions > 0) clauses.push(`last_action IN (${Array.from({ length: shape.actions }, () => '?').join(', ')})`);
            statement = db.prepare<unknown[], ListedRow>(
                `SELECT payload, first_seen_at, last_modified_at, last_action, deleted_at, cursor FROM records WHERE ${clauses.join(' AND ')} ORDER BY cursor LIMIT ?`,
            );
            statements.set(key, statement);
        }
        return statement;
    }

    function list(connection: string, model: string, options: ListOptions = {}): RecordPage {
        const after = parseCursor(options.cursor);
        const limit = parseLimit(options.limit);
        const modifiedAfter = parseModifiedAfter(options.modifiedAfter);
        const filter = parseFilter(options.filter);
        const row = models.find(connections.idOf(connection), checkModelName(model));
        if (row === undefined) return { records: [], next_cursor: null };
        const ids = options.ids === undefined ? undefined : JSON.stringify(options.ids.map(String));
        const parameters: unknown[] = [row.id, after];
        if (modifiedAfter !== undefined) parameters.push(modifiedAfter);
        if (ids !== undefined) parameters.push(ids);
        if (filter !== undefined) parameters.push(...filter);
        // One row more than asked tells whether another page exists.
        parameters.push(limit + 1);
        const rows = statementFor({ modifiedAfter: modifiedAfter !== undefined, ids: ids !== undefined, actions: filter?.length ?? 0 }).all(...parameters);
        const page = rows.slice(0, limit);
        const last = page[page.length - 1];
        return { records: page.map(toNangoRecord), next_cursor: rows.length > limit && last !== undefined ? String(last.cursor) : null };
    }

    return {
        list,
        /** Every matching record, page by page; `options.cursor` starts after that cursor. */
        *iterate(
            connection: string,
            model: string,
            options: Omit<ListOptions, 'cursor'> & { cursor?: string | null } = {},
        ): Generator<NangoRecord, void, undefined> {
            let cursor = options.cursor ?? null;
            do {
                const page = list(connection, model, { ...options, cursor, limit: options.limit ?? 1000 });
                yield* page.records;
                cursor = page.next_cursor;
            } while (cursor !== null);
        },
        /** Record counts per model of a connection (deleted ones included in `total`). */
        summary(connection: string): ModelSummary[] {
            return summary.all(connections.idOf(connection));
        },
    };
}

export type RecordsListing = ReturnType<typeof createRecordsListing>;
