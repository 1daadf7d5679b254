import type { StoreContext } from './store-context.js';

/** A (connection, model) pair: the home of its records' cursor counter and track-deletes generation. */
export interface ModelRow {
    id: number;
    last_cursor: number;
    generation: number;
    tracking_run_id: number | null;
}

export function createModelsRepo(context: StoreContext) {
    const { db } = context;
    const insert = db.prepare<[number, string]>('INSERT INTO models (connection_id, name) VALUES (?, ?) ON CONFLICT (connection_id, name) DO NOTHING');
    const select = db.prepare<[number, string], ModelRow>(
        'SELECT id, last_cursor, generation, tracking_run_id FROM models WHERE connection_id = ? AND name = ?',
    );
    const setCursor = db.prepare<[number, number]>('UPDATE models SET last_cursor = ? WHERE id = ?');
    const startGeneration = db.prepare<[number, string, number]>(
        'UPDATE models SET generation = generation + 1, tracking_run_id = ?, tracking_started_at = ? WHERE id = ?',
    );
    const adoptGeneration = db.prepare<[number, number]>('UPDATE models SET tracking_run_id = ? WHERE id = ?');
    const endTracking = db.prepare<[number]>('UPDATE models SET tracking_run_id = NULL, tracking_started_at = NULL WHERE id = ?');
    const listNames = db.prepare<[number], { name: string }>('SELECT name FROM models WHERE connection_id = ? ORDER BY name');

    return {
        find(connectionId: number, name: string): ModelRow | undefined {
            return select.get(connectionId, name);
        },
        /** Must run inside the caller's transaction, so that a rolled-back batch leaves no model row either. */
        ensure(connectionId: number, name: string): ModelRow {
            insert.run(connectionId, name);
            return select.get(connectionId, name) as ModelRow;
        },
        setCursor(modelId: number, cursor: number): void {
            setCursor.run(cursor, modelId);
        },
        startGeneration(modelId: number, runId: number): void {
            startGeneration.run(runId, context.now(), modelId);
        },
        adoptGeneration(modelId: number, runId: number): void {
            adoptGeneration.run(runId, modelId);
        },
        endTracking(modelId: number): void {
            endTracking.run(modelId);
        },
        names(connectionId: number): string[] {
            return listNames.all(connectionId).map((row) => row.name);
        },
    };
}

export type ModelsRepo = ReturnType<typeof createModelsRepo>;
