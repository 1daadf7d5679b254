import { StoreError } from '../errors/store-error.js';
import type { ConnectionsRepo } from './connections-repo.js';
import type { ModelsRepo } from './models-repo.js';
import { checkModelName } from './records-repo.js';
import type { StoreContext } from './store-context.js';

export interface TrackDeletesStartResult {
    generation: number;
    /** True when an earlier run's unfinished tracking was continued (a resumed run). */
    resumed: boolean;
}

/**
 * Track deletes by generation: start bumps the model's generation, every save or update stamps
 * its record with the current one, and end soft-deletes the live records stamped with an older
 * one. Marking a record seen is thus one integer on a row the save touches anyway (no list of ids).
 *
 * A run that fails never calls end, so it deletes nothing, and its tracking stays open: the next
 * run's start continues it, because a run that resumes from a checkpoint does not re-save what the
 * failed run saved before that checkpoint. Pass `restart` for a run that starts from scratch
 * (`--full`), so that only what it saves itself counts as seen.
 */
export function createTrackDeletes(context: StoreContext, connections: ConnectionsRepo, models: ModelsRepo) {
    const { db } = context;
    const selectUnseen = db
        .prepare<[number, number], string>('SELECT id FROM records WHERE model_id = ? AND deleted_at IS NULL AND seen_generation < ? ORDER BY cursor')
        .pluck();
    const softDelete = db.prepare<[string, string, number, number, string]>(
        `UPDATE records SET deleted_at = ?, last_modified_at = ?, last_action = 'DELETED', cursor = ? WHERE model_id = ? AND id = ?`,
    );

    const start = context.writeTransaction((connection: string, model: string, runId: number, restart: boolean): TrackDeletesStartResult => {
        const row = models.ensure(connections.idOf(connection), checkModelName(model));
        if (row.tracking_run_id !== null && !restart) {
            models.adoptGeneration(row.id, runId);
            return { generation: row.generation, resumed: true };
        }
        models.startGeneration(row.id, runId);
        return { generation: row.generation + 1, resumed: false };
    });

    /** The open tracking of the model, which only the run that started (or resumed) it may read or end. */
    const openTracking = (connection: string, model: string, runId: number, call: string) => {
        const row = models.find(connections.idOf(connection), checkModelName(model));
        if (row === undefined || row.tracking_run_id === null) {
            throw new StoreError('invalid_call', `${call} for ${model} was called without trackDeletesStart.`, {
                hint: 'Call trackDeletesStart(model) before the run saves any record of that model, and trackDeletesEnd(model) once, after the last save.',
            });
        }
        if (row.tracking_run_id !== runId) {
            throw new StoreError('invalid_call', `${call} for ${model} came from run ${runId}, but run ${row.tracking_run_id} is tracking deletes.`, {
                hint: 'Only the run that called trackDeletesStart (or resumed it) may end it; run the sync again.',
            });
        }
        return row;
    };

    const end = context.writeTransaction((connection: string, model: string, runId: number): { deletedKeys: string[] } => {
        const row = openTracking(connection, model, runId, 'trackDeletesEnd');
        const deletedKeys = selectUnseen.all(row.id, row.generation);
        const now = context.now();
        let cursor = row.last_cursor;
        for (const id of deletedKeys) softDelete.run(now, now, ++cursor, row.id, id);
        if (cursor !== row.last_cursor) models.setCursor(row.id, cursor);
        models.endTracking(row.id);
        return { deletedKeys };
    });

    return {
        trackDeletesStart(connection: string, model: string, runId: number, options: { restart?: boolean } = {}): TrackDeletesStartResult {
            return start(connection, model, runId, options.restart === true);
        },
        /** The live records not seen since start: what `trackDeletesEnd` would delete now. Reads only; tracking stays open. */
        unseen(connection: string, model: string, runId: number): string[] {
            const row = openTracking(connection, model, runId, 'trackDeletesEnd');
            return selectUnseen.all(row.id, row.generation);
        },
        /** Call only after a successful run: soft-deletes, in one transaction, the records not seen since start. */
        trackDeletesEnd(connection: string, model: string, runId: number): { deletedKeys: string[] } {
            return end(connection, model, runId);
        },
    };
}

export type TrackDeletes = ReturnType<typeof createTrackDeletes>;
