import type { RecordContent } from '../store/index.js';

/** A record as a script saved it: any JSON object with a string `id`. */
export type ScriptRecord = Record<string, unknown> & { id: string };

export interface RecordCounts {
    added: number;
    updated: number;
    deleted: number;
}

/** Writes a sync run made since its last checkpoint, committed together in one transaction. */
export interface PendingWrites {
    /** Each batchSave's records, serialised as it was called (`contentsOf`): their UTF-8 bytes are all that is held. */
    saves: { model: string; contents: ReadonlyMap<string, RecordContent> }[];
    updates: { model: string; records: ScriptRecord[] }[];
    deletes: { model: string; ids: string[] }[];
    /** `undefined` leaves the stored checkpoint as it is; `null` clears it. */
    checkpoint?: Record<string, unknown> | null;
    /** Models whose delete tracking ends in this commit: their records not seen since it began are soft-deleted. */
    endTracking?: string[];
}

/** A stored record with Nango's `_nango_metadata`, as `listRecords` yields it. */
export type ListedRecord = ScriptRecord & { _nango_metadata: Record<string, unknown> };

/**
 * What a sync run needs from the embedded store for one connection and one sync. The harness
 * speaks only this; `store-adapter.ts` binds it to `src/store`.
 */
export interface SyncRunStore {
    /** Milliseconds the run has spent in the calls below so far: what its report gives as `storeMs`. */
    readonly busyMs: number;
    commit(writes: PendingWrites): RecordCounts;
    getCheckpoint(): Record<string, unknown> | null;
    getRecordsByIds(model: string, ids: string[]): Map<string, ScriptRecord>;
    listRecords(model: string, options: { cursor?: string | undefined; limit: number }): { records: ListedRecord[]; nextCursor: string | null };
    /** Persists the start of a track-deletes window, unless one is already open (a resumed run keeps the first). */
    trackDeletesStart(model: string): void;
    /** The ids of the model's live records not saved since the window opened; the window stays open (`endTracking` closes it). */
    unseenKeys(model: string): string[];
}
