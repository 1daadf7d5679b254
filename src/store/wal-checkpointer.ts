import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/**
 * Copies the write-ahead log into the database file on a worker thread. SQLite's own
 * auto-checkpoint runs inside the commit that crosses its threshold and fsyncs the log and the
 * database there: during a bulk sync that blocked the syncing thread for about half its time, while
 * the CPU sat idle waiting for the disk. On its own connection a worker does the same copying and
 * the same fsyncs (at the same `synchronous` level, so nothing is less durable) beside the sync.
 *
 * A passive checkpoint never blocks a writer, and so never catches up with one that commits without
 * pause; the log would grow without end. When the worker reports more than `maxWalFrames` frames,
 * the next transaction first checkpoints the rest itself (only the frames the worker has not yet
 * copied), and SQLite then restarts the log from its beginning.
 *
 * The worker starts only once the log has grown past SQLite's own threshold, so that short commands
 * never pay for a thread. Should it fail, SQLite's auto-checkpoint takes over again.
 */
export interface WalCheckpointer {
    /** Call before each write transaction: starts the worker when the log has grown, bounds the log. */
    beforeWrite(): void;
    /**
     * Stops the worker; its connection closes, and SQLite's auto-checkpoint applies again. Resolves
     * once the worker has exited, so that nothing of it touches the database's files after.
     */
    stop(): Promise<void>;
}

export interface WalCheckpointerOptions {
    /** Frames (pages) at which the worker starts: SQLite's default auto-checkpoint threshold. */
    startFrames?: number;
    /** Frames at which the writing thread checkpoints the remainder itself so that the log restarts. */
    maxWalFrames?: number;
    /** Pause of the worker between two checkpoints. */
    intervalMs?: number;
}

interface CheckpointRow extends CheckpointReport {
    busy: number;
}

interface CheckpointReport {
    /** Frames in the log, and how many of them are in the database file. */
    log: number;
    checkpointed: number;
}

const sqliteAutoCheckpointFrames = 1000;
const walFrameHeaderBytes = 24;

// The worker is a few lines of plain JavaScript given as source: it must run without the TypeScript
// loader the rest of the package needs (a second copy of which would cost tens of MB).
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.betterSqlite3);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('synchronous = ' + workerData.synchronous);
const checkpoint = () => {
    try {
        const [row] = db.pragma('wal_checkpoint(PASSIVE)');
        parentPort.postMessage({ log: row.log, checkpointed: row.checkpointed });
    } catch (error) {
        if (error.code !== 'SQLITE_BUSY') throw error;
    }
    timer = setTimeout(checkpoint, workerData.intervalMs);
};
let timer = setTimeout(checkpoint, 0);
parentPort.on('message', () => { clearTimeout(timer); db.close(); parentPort.close(); });
`;

export function walCheckpointer(db: Database.Database, path: string, options: WalCheckpointerOptions = {}): WalCheckpointer {
    // In bytes of log file, worked out once: this is asked before every write transaction.
    const frameBytes = (db.pragma('page_size', { simple: true }) as number) + walFrameHeaderBytes;
    const startBytes = (options.startFrames ?? sqliteAutoCheckpointFrames) * frameBytes;
    const maxWalFrames = options.maxWalFrames ?? 16 * sqliteAutoCheckpointFrames;
    let worker: Worker | undefined;
    let exited: Promise<void> = Promise.resolve();
    let failed = false;
    let takenOver = false;
    const ownAutoCheckpoint = db.pragma('wal_autocheckpoint', { simple: true }) as number;
    let walFrames = 0;

    function start(): void {
        const synchronous = db.pragma('synchronous', { simple: true }) === 2 ? 'FULL' : 'NORMAL';
        const betterSqlite3 = createRequire(import.meta.url).resolve('better-sqlite3');
        worker = new Worker(workerSource, { eval: true, workerData: { betterSqlite3, path, synchronous, intervalMs: options.intervalMs ?? 50 } });
        // A background helper: it must never keep the process alive.
        worker.unref();
        exited = new Promise((resolve) => worker?.once('exit', () => resolve()));
        worker.on('message', (report: CheckpointReport) => {
            // Until the worker's first checkpoint, SQLite's own keeps the log in check.
            if (db.open && !takenOver) db.pragma('wal_autocheckpoint = 0');
            takenOver = true;
            walFrames = report.log;
        });
        worker.on('error', (error) => {
            // Nothing is lost: the worker only copies committed frames, and SQLite's own checkpoint resumes.
            failed = true;
            process.emitWarning(`Background checkpoints of ${path} stopped (${error.message}); SQLite checkpoints in the foreground again.`);
        });
        worker.on('exit', () => {
            worker = undefined;
            if (db.open && takenOver) db.pragma(`wal_autocheckpoint = ${ownAutoCheckpoint}`);
            takenOver = false;
        });
    }

    return {
        beforeWrite() {
            if (worker === undefined) {
                if (!failed && walFileBytes(path) >= startBytes) start();
                return;
            }
            if (walFrames >= maxWalFrames) {
                const [row] = db.pragma('wal_checkpoint(PASSIVE)') as CheckpointRow[];
                // All copied: this transaction restarts the log. Otherwise the worker held the
                // checkpoint lock; the next transaction tries again.
                walFrames = row !== undefined && row.busy === 0 && row.checkpointed === row.log ? 0 : maxWalFrames;
            }
        },
        stop() {
            // Whoever awaits the stop waits for the worker: unreferenced, it would let the process end
            // first (a script whose last step awaits this would exit with 13, its await unsettled).
            worker?.ref();
            worker?.postMessage('stop');
            return exited;
        },
    };
}

/** The size of the log file; it keeps its size after SQLite restarts it, so this only tells that it once grew. */
function walFileBytes(path: string): number {
    try {
        return statSync(`${path}-wal`).size;
    } catch (error) {
        // No log file yet: nothing written since the database was opened.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
        throw error;
    }
}
