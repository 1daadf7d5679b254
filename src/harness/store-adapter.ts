import type { Store } from '../store/index.js';
import type { PendingWrites, RecordCounts, ScriptRecord, SyncRunStore } from './run-store.js';

export interface RunBinding {
    connection: string;
    /** The key checkpoints are kept under: the script's name (a sync and an action never share one). */
    script: string;
    runId: number;
    /** `--full`: the run starts from scratch, so only what it saves itself counts as seen. */
    full: boolean;
    /** The run's requests and retries so far, recorded on its row with each commit. */
    traffic: () => { requests: number; retries: number };
}

/** Binds one run of one script to the SQLite store. */
export function storeForRun(store: Store, binding: RunBinding): SyncRunStore {
    const { connection, script, runId } = binding;
    let busyMs = 0;
    const timed = <T>(work: () => T): T => {
        const started = performance.now();
        try {
            return work();
        } finally {
            busyMs += performance.now() - started;
        }
    };
    return {
        get busyMs() {
            return busyMs;
        },
        commit(writes: PendingWrites): RecordCounts {
            // One transaction: the records of the pages before a checkpoint, the deletes of a scan that
            // this checkpoint says is complete, and the checkpoint.
            return timed(() =>
                store.transaction(() => {
                    const counts: RecordCounts = { added: 0, updated: 0, deleted: 0 };
                    for (const { model, contents } of writes.saves) {
                        const result = store.records.saveContents(connection, model, contents);
                        counts.added += result.added;
                        counts.updated += result.updated;
                    }
                    for (const { model, records } of writes.updates) counts.updated += store.records.updateBatch(connection, model, records).updated;
                    for (const { model, ids } of writes.deletes) {
                        counts.deleted += store.records.deleteBatch(
                            connection,
                            model,
                            ids.map((id) => ({ id })),
                        ).deleted;
                    }
                    for (const model of writes.endTracking ?? []) {
                        counts.deleted += store.trackDeletes.trackDeletesEnd(connection, model, runId).deletedKeys.length;
                    }
                    if (writes.checkpoint === null) store.checkpoints.clear(connection, script);
                    else if (writes.checkpoint !== undefined)
                        store.checkpoints.save(connection, script, writes.checkpoint as Record<string, string | number | boolean>);
                    // In the same commit, so that a killed run reports what it had committed and no more.
                    store.runs.progress(runId, counts, binding.traffic());
                    return counts;
                }),
            );
        },
        getCheckpoint() {
            return timed(() => store.checkpoints.get(connection, script));
        },
        getRecordsByIds(model: string, ids: string[]) {
            return timed(() => store.records.getByIds(connection, model, ids) as Map<string, ScriptRecord>);
        },
        listRecords(model: string, options: { cursor?: string | undefined; limit: number }) {
            const page = timed(() => store.records.list(connection, model, { cursor: options.cursor, limit: options.limit }));
            return { records: page.records as unknown as ReturnType<SyncRunStore['listRecords']>['records'], nextCursor: page.next_cursor };
        },
        trackDeletesStart(model: string) {
            timed(() => store.trackDeletes.trackDeletesStart(connection, model, runId, { restart: binding.full }));
        },
        unseenKeys(model: string) {
            return timed(() => store.trackDeletes.unseen(connection, model, runId));
        },
    };
}
