// The WAL is copied into the database file by a worker thread once it has grown, and stays bounded
// while one connection commits without pause. Real SQLite files and a real worker thread; the
// assertions are on the log file's size and SQLite's auto-checkpoint setting, not on timings.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { cliNodeFlags } from '../../bench/cli-node-flags.js';
import { walCheckpointer, type WalCheckpointer } from '../../src/store/wal-checkpointer.js';
import { openTempStore } from './temp-store.js';

const opened: Array<{ db: Database.Database; checkpointer: WalCheckpointer; directory: string }> = [];
afterEach(async () => {
    for (const { db, checkpointer, directory } of opened.splice(0)) {
        const stopped = checkpointer.stop();
        db.close();
        // The worker's own connection must be closed before its files go.
        await stopped;
        rmSync(directory, { recursive: true, force: true });
    }
});

function openWal(options: Parameters<typeof walCheckpointer>[2], { autoCheckpoint = 1000 } = {}) {
    const directory = mkdtempSync(join(tmpdir(), 'pingone-wal-'));
    const path = join(directory, 'wal.db');
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma(`wal_autocheckpoint = ${autoCheckpoint}`);
    db.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)');
    const checkpointer = walCheckpointer(db, path, options);
    opened.push({ db, checkpointer, directory });
    const insert = db.prepare('INSERT INTO rows (payload) VALUES (?)');
    /** One transaction of `rows` rows of 1 KB, as store.transaction runs it. */
    const commit = (rows: number) => {
        checkpointer.beforeWrite();
        db.transaction(() => {
            for (let row = 0; row < rows; row++) insert.run('x'.repeat(1000));
        })();
    };
    return { db, path, checkpointer, commit };
}

/** Frames the log file has room for: it keeps its size when SQLite restarts it, so this is the most it ever held. */
const walFileFrames = (path: string) => statSync(`${path}-wal`).size / (4096 + 24);
const turn = () => new Promise((resolve) => setTimeout(resolve, 5));

/** Commits small batches until the worker has made its first checkpoint and taken over (at most about 5 s). */
async function untilTakenOver(db: Database.Database, commit: (rows: number) => void): Promise<void> {
    for (let wait = 0; wait < 1_000 && db.pragma('wal_autocheckpoint', { simple: true }) !== 0; wait++) {
        commit(5);
        await turn();
    }
}

describe('background WAL checkpoints', () => {
    it('leave SQLite its own auto-checkpoint until the log has grown, then take it over on a worker thread', async () => {
        const { db, commit } = openWal({ startFrames: 50, maxWalFrames: 400, intervalMs: 1 });
        commit(10);
        await turn();
        expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
        commit(50);
        await untilTakenOver(db, commit);
        expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    });

    it('keep the log bounded while a writer commits without pause, and lose nothing', async () => {
        const { db, path, commit } = openWal({ startFrames: 50, maxWalFrames: 200, intervalMs: 20 }, { autoCheckpoint: 200 });
        commit(50);
        await untilTakenOver(db, commit);
        // The worker's passive checkpoints never catch up with a writer that commits between every
        // turn of the event loop: past maxWalFrames the writer copies the remainder itself.
        for (let batch = 0; batch < 800; batch++) {
            commit(25);
            await new Promise((resolve) => setImmediate(resolve));
        }
        // 800 × 25 rows of 1 KB is over 5,500 frames: without a restart the log would hold them all.
        // With one it holds maxWalFrames plus what the writer adds while the worker's report is on its way.
        expect(walFileFrames(path)).toBeLessThan(2_500);
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    });

    it('hand checkpoints back to SQLite when stopped, with every committed row kept', async () => {
        const { db, checkpointer, commit } = openWal({ startFrames: 1, intervalMs: 1 }, { autoCheckpoint: 700 });
        commit(50);
        await untilTakenOver(db, commit);
        expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
        const rows = (db.prepare('SELECT count(*) AS n FROM rows').get() as { n: number }).n;
        // Resolves once the worker has exited, which hands the checkpoints back.
        await checkpointer.stop();
        expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(700);
        expect(db.prepare('SELECT count(*) AS n FROM rows').get()).toEqual({ n: rows });
    });
});

describe('background WAL checkpoints of a store', () => {
    it('start for writes outside store.transaction too: a repository write begins the same way', async () => {
        const temp = openTempStore();
        try {
            const { store } = temp;
            const padding = 'x'.repeat(1000);
            // Over SQLite's threshold of 1000 pages (4 MB) of log, in standalone saveBatch calls.
            for (let batch = 0; batch < 100 && store.database.pragma('wal_autocheckpoint', { simple: true }) !== 0; batch++) {
                store.records.saveBatch(
                    'demo',
                    'User',
                    Array.from({ length: 100 }, (_, n) => ({ id: `u${batch}-${n}`, padding })),
                );
                await turn();
            }
            expect(store.database.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
        } finally {
            await temp.cleanup();
        }
    });
});

describe('stopping the background checkpoints', () => {
    it('keeps the process alive until the worker has exited: a script whose last step awaits the stop ends normally, not with an unsettled await', () => {
        // A process of its own, with nothing else to keep it alive: the worker is unreferenced while it runs.
        const directory = mkdtempSync(join(tmpdir(), 'pingone-wal-'));
        try {
            const checkpointer = fileURLToPath(new URL('../../dist/src/store/wal-checkpointer.js', import.meta.url));
            const betterSqlite3 = pathToFileURL(createRequire(import.meta.url).resolve('better-sqlite3')).href;
            const script = `const { default: Database } = await import(${JSON.stringify(betterSqlite3)});
                const { walCheckpointer } = await import(${JSON.stringify(checkpointer)});
                const path = ${JSON.stringify(join(directory, 'wal.db'))};
                const db = new Database(path);
                db.pragma('journal_mode = WAL');
                db.exec('CREATE TABLE rows (payload TEXT)');
                const background = walCheckpointer(db, path, { startFrames: 1, intervalMs: 1 });
                background.beforeWrite();
                db.prepare('INSERT INTO rows VALUES (?)').run('x'.repeat(10000));
                background.beforeWrite();
                const stopped = background.stop();
                db.close();
                await stopped;
                console.log('stopped');`;
            // A file rather than \`-e\`: the worker inherits the process's flags, and its source is CommonJS.
            const file = join(directory, 'stop-last.mjs');
            writeFileSync(file, script);
            // With the CLI's Node flags, which the worker inherits (V8 refuses some of them given to a worker explicitly).
            const child = spawnSync(process.execPath, [...cliNodeFlags(), file], { encoding: 'utf8' });
            expect(child.stderr).toBe('');
            expect(child.status).toBe(0);
            expect(child.stdout.trim()).toBe('stopped');
        } finally {
            rmSync(directory, { recursive: true, force: true });
        }
    });
});
