import path from 'node:path';
import { StoreError } from '../errors/store-error.js';
import type { ConnectionsRepo } from './connections-repo.js';
import type { StoreContext } from './store-context.js';
import { processStartTime, processStillRuns } from './process-exists.js';

export type RunKind = 'sync' | 'action' | 'on-event';
export type RunStatus = 'running' | 'success' | 'failed';

export interface RunOutcome {
    status: 'success' | 'failed';
    added?: number;
    updated?: number;
    deleted?: number;
    requests?: number;
    retries?: number;
    /** A message for people; callers pass one already free of secrets (ConnectorError messages are). */
    error?: string | undefined;
}

export interface RunEntry {
    id: number;
    connection: string;
    script: string;
    kind: RunKind;
    /** `running` until finished; a run whose process died is marked failed (interrupted) when a store is next opened. */
    status: RunStatus;
    startedAt: string;
    finishedAt: string | null;
    added: number;
    updated: number;
    deleted: number;
    requests: number;
    retries: number;
    error: string | null;
}

interface RunningRow {
    id: number;
    script: string;
    pid: number | null;
    pid_started: string | null;
}

const kinds: readonly string[] = ['sync', 'action', 'on-event'];
const selectColumns = `SELECT r.id, c.name AS connection, r.script, r.kind, r.status, r.started_at AS startedAt, r.finished_at AS finishedAt,
    r.added, r.updated, r.deleted, r.requests, r.retries, r.error FROM runs r JOIN connections c ON c.id = r.connection_id`;

function count(value: number | undefined, field: string): number {
    if (value === undefined) return 0;
    if (Number.isInteger(value) && value >= 0) return value;
    throw new StoreError('invalid_argument', `The run's ${field} count ${value} is not a whole number.`, {
        hint: 'Pass counts as whole numbers of zero or more.',
    });
}

/**
 * The runs this process has started and not finished, by database and run id. A pid alone does not
 * tell a live run from a dead one: a container's CLI is pid 1 every time, and a run whose `finish`
 * failed stays `running` under our own pid. For our pid, this set decides; for others, whether the
 * process with that pid and start time still runs.
 */
const runsOfThisProcess = new Set<string>();
const ownStartTime = processStartTime(process.pid) ?? null;

/** The log of runs: one row per sync, action or on-event run, written at its start and at its end. */
export function createRunsRepo(context: StoreContext, connections: ConnectionsRepo) {
    const { db } = context;
    const database = path.resolve(context.path);
    const keyOf = (runId: number | bigint) => `${database}#${runId}`;
    const isLive = (run: RunningRow) =>
        run.pid === process.pid ? runsOfThisProcess.has(keyOf(run.id)) : run.pid !== null && processStillRuns(run.pid, run.pid_started);
    const insert = db.prepare<[number, string, string, string, number, string | null]>(
        "INSERT INTO runs (connection_id, script, kind, status, started_at, pid, pid_started) VALUES (?, ?, ?, 'running', ?, ?, ?)",
    );
    const selectRunning = db.prepare<[], RunningRow>("SELECT id, script, pid, pid_started FROM runs WHERE status = 'running'");
    const selectRunningSyncs = db.prepare<[number], RunningRow>(
        "SELECT id, script, pid, pid_started FROM runs WHERE connection_id = ? AND kind = 'sync' AND status = 'running'",
    );
    const interrupt = db.prepare<[string, number]>(
        "UPDATE runs SET status = 'failed', finished_at = ?, error = 'interrupted: its process ended before the run finished' WHERE id = ? AND status = 'running'",
    );
    const finish = db.prepare(
        `UPDATE runs SET status = @status, finished_at = @now, added = @added, updated = @updated, deleted = @deleted,
         requests = @requests, retries = @retries, error = @error WHERE id = @id AND status = 'running'`,
    );
    const selectOne = db.prepare<[number], RunEntry>(`${selectColumns} WHERE r.id = ?`);
    const selectRecent = db.prepare<[number], RunEntry>(`${selectColumns} ORDER BY r.id DESC LIMIT ?`);
    const selectRecentOf = db.prepare<[number, number], RunEntry>(`${selectColumns} WHERE r.connection_id = ? ORDER BY r.id DESC LIMIT ?`);

    /** Marks as failed those of these runs whose process no longer exists; returns the others. */
    function settleDead(runs: RunningRow[]): { settled: number[]; live: RunningRow[] } {
        const now = context.now();
        const settled: number[] = [];
        const live: RunningRow[] = [];
        for (const run of runs) {
            if (isLive(run)) {
                live.push(run);
            } else {
                interrupt.run(now, run.id);
                settled.push(run.id);
            }
        }
        return { settled, live };
    }

    /**
     * Two runs of one sync on one connection would share its track-deletes window and overwrite each
     * other's checkpoints, so a sync starts only when no live process runs it. Actions and on-event
     * scripts keep no state between calls, and may run side by side.
     */
    const start = context.writeTransaction((connection: string, script: string, kind: RunKind): number => {
        if (!kinds.includes(kind)) {
            throw new StoreError('invalid_argument', `Unknown run kind ${JSON.stringify(kind)}.`, { hint: `Use one of ${kinds.join(', ')}.` });
        }
        const connectionId = connections.idOf(connection);
        if (kind === 'sync') {
            const [running] = settleDead(selectRunningSyncs.all(connectionId).filter((run) => run.script === script)).live;
            if (running !== undefined) {
                throw new StoreError(
                    'run_in_progress',
                    `The sync ${script} of connection ${connection} is already running (run ${running.id}, process ${running.pid}).`,
                    {
                        hint: 'Wait for that run to finish, or stop its process, then run the sync again.',
                    },
                );
            }
        }
        return Number(insert.run(connectionId, script, kind, context.now(), process.pid, ownStartTime).lastInsertRowid);
    });

    /**
     * Refuses what would change a connection's source, or remove it, under a sync of it: `doing`
     * says what was refused and `because` what it would do to that sync.
     */
    const refuseWhileSyncing = context.writeTransaction((connection: string, doing: string, because: string): void => {
        const [running] = settleDead(selectRunningSyncs.all(connections.idOf(connection))).live;
        if (running === undefined) return;
        throw new StoreError(
            'run_in_progress',
            `Connection ${connection} is being synced (run ${running.id}, process ${running.pid}); ${doing} now ${because}.`,
            {
                hint: 'Wait for the sync to finish, or stop its process, then try again.',
            },
        );
    });

    /** Adds a commit's counts to the run's row and sets its traffic so far: a killed run keeps what it had reached. */
    const progress = db.prepare(
        `UPDATE runs SET added = added + @added, updated = updated + @updated, deleted = deleted + @deleted,
         requests = @requests, retries = @retries WHERE id = @id AND status = 'running'`,
    );

    return {
        refuseWhileSyncing(connection: string, doing: string, because: string): void {
            refuseWhileSyncing(connection, doing, because);
        },
        /**
         * Records a running run's progress, in the caller's transaction when there is one (the
         * commit of the records and checkpoint it counts), so that the counts and requests of a
         * run whose process is killed are those it had committed.
         */
        progress(runId: number, committed: { added: number; updated: number; deleted: number }, traffic: { requests: number; retries: number }): void {
            progress.run({
                id: runId,
                added: count(committed.added, 'added'),
                updated: count(committed.updated, 'updated'),
                deleted: count(committed.deleted, 'deleted'),
                requests: count(traffic.requests, 'requests'),
                retries: count(traffic.retries, 'retries'),
            });
        },
        /** Logs a run as `running`; refuses a sync that a live process is running already. */
        start(connection: string, script: string, kind: RunKind): number {
            const runId = start(connection, script, kind);
            // Only once committed: a rolled-back id may be handed out again.
            runsOfThisProcess.add(keyOf(runId));
            return runId;
        },
        /**
         * Marks as failed the runs left `running` by a process that no longer exists (killed, crashed).
         * Runs of live processes, here or in another terminal, stay as they are. Returns their ids.
         */
        settleInterrupted(): number[] {
            return settleDead(selectRunning.all()).settled;
        },
        finish(runId: number, outcome: RunOutcome): void {
            if (outcome.status !== 'success' && outcome.status !== 'failed') {
                throw new StoreError('invalid_argument', `Unknown run status ${JSON.stringify(outcome.status)}.`, {
                    hint: 'Finish a run as success or failed.',
                });
            }
            // Whatever the update below does, this process no longer runs it.
            runsOfThisProcess.delete(keyOf(runId));
            const changed = finish.run({
                id: runId,
                status: outcome.status,
                now: context.now(),
                added: count(outcome.added, 'added'),
                updated: count(outcome.updated, 'updated'),
                deleted: count(outcome.deleted, 'deleted'),
                requests: count(outcome.requests, 'requests'),
                retries: count(outcome.retries, 'retries'),
                error: outcome.error ?? null,
            }).changes;
            if (changed === 0) {
                throw new StoreError('invalid_call', `Run ${runId} is unknown or already finished.`, {
                    hint: 'Finish each run once, with the id start() returned.',
                });
            }
        },
        get(runId: number): RunEntry | undefined {
            return selectOne.get(runId);
        },
        /** The most recent runs first, of one connection or of all. */
        recent(options: { connection?: string; limit?: number } = {}): RunEntry[] {
            const limit = options.limit ?? 20;
            return options.connection === undefined ? selectRecent.all(limit) : selectRecentOf.all(connections.idOf(options.connection), limit);
        },
    };
}

export type RunsRepo = ReturnType<typeof createRunsRepo>;
