import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors/index.js';
import { useTempStore } from './temp-store.js';

const temp = useTempStore();

/** The id of a process that has ended: a run left `running` under it was interrupted. */
function endedProcessId(): number {
    const { pid } = spawnSync(process.execPath, ['-e', '']);
    if (pid === undefined) throw new Error('could not start a process to end');
    return pid;
}

describe('starting a run', () => {
    it('refuses a second run of a sync that a live process is running, writing nothing', () => {
        const { store } = temp;
        const first = store.runs.start('demo', 'users', 'sync');
        const again = () => store.runs.start('demo', 'users', 'sync');
        expect(again).toThrow(StoreError);
        expect(again).toThrow(
            expect.objectContaining({
                reason: 'run_in_progress',
                message: `The sync users of connection demo is already running (run ${first}, process ${process.pid}).`,
                hint: expect.stringMatching(/Wait for that run to finish/),
            }),
        );
        expect(store.runs.recent().map((run) => [run.id, run.status])).toEqual([[first, 'running']]);

        store.runs.finish(first, { status: 'success' });
        expect(again()).toBeGreaterThan(first);
    });

    it('lets other syncs, the same sync of another connection, and actions run side by side', () => {
        const { store } = temp;
        store.connections.save({ name: 'other', provider: 'pingone-cc', config: {} });
        store.runs.start('demo', 'users', 'sync');
        expect(() => store.runs.start('demo', 'groups', 'sync')).not.toThrow();
        expect(() => store.runs.start('other', 'users', 'sync')).not.toThrow();
        store.runs.start('demo', 'create-user', 'action');
        expect(() => store.runs.start('demo', 'create-user', 'action')).not.toThrow();
        expect(store.runs.recent().filter((run) => run.status === 'running')).toHaveLength(5);
    });

    it('settles a run of the sync whose process has ended as interrupted, and starts', () => {
        const { store } = temp;
        const orphan = store.runs.start('demo', 'users', 'sync');
        store.database.prepare('UPDATE runs SET pid = ? WHERE id = ?').run(endedProcessId(), orphan);

        const next = store.runs.start('demo', 'users', 'sync');
        expect(store.runs.get(orphan)).toMatchObject({ status: 'failed', error: expect.stringMatching(/^interrupted/) });
        expect(store.runs.get(next)).toMatchObject({ status: 'running' });
    });

    it("settles a run left under this process's own pid that this process did not start (a container's pid 1 again), and starts", () => {
        const { store } = temp;
        const connectionId = store.database.prepare<[], { id: number }>("SELECT id FROM connections WHERE name = 'demo'").get()?.id;
        const leftOver = Number(
            store.database
                .prepare(
                    "INSERT INTO runs (connection_id, script, kind, status, started_at, pid) VALUES (?, 'users', 'sync', 'running', '2026-01-01T00:00:00.000Z', ?)",
                )
                .run(connectionId, process.pid).lastInsertRowid,
        );
        const next = store.runs.start('demo', 'users', 'sync');
        expect(store.runs.get(leftOver)).toMatchObject({ status: 'failed', error: expect.stringMatching(/^interrupted/) });
        expect(store.runs.get(next)).toMatchObject({ status: 'running' });
    });

    it('does not take a run whose finish failed for a live one: the next run of the sync in this process starts', () => {
        const { store } = temp;
        const first = store.runs.start('demo', 'users', 'sync');
        expect(() => store.runs.finish(first, { status: 'success', added: -1 })).toThrow(StoreError);
        expect(store.runs.get(first)).toMatchObject({ status: 'running' });
        expect(store.runs.start('demo', 'users', 'sync')).toBeGreaterThan(first);
        expect(store.runs.get(first)).toMatchObject({ status: 'failed' });
    });

    it.runIf(existsSync('/proc/self/stat'))('tells a live process from a later one that was given the same pid, by its start time', () => {
        const { store } = temp;
        // Another live process (the one that started this test) stands for the run's process; its
        // recorded start time is either its own or one it cannot have, as after the pid was reused.
        const run = store.runs.start('demo', 'users', 'sync');
        store.runs.finish(run, { status: 'failed' });
        const parentStarted = readFileSync(`/proc/${process.ppid}/stat`, 'utf8').split(') ')[1]?.split(' ')[19];
        const running = (startedAt: string) =>
            Number(
                store.database
                    .prepare(
                        "INSERT INTO runs (connection_id, script, kind, status, started_at, pid, pid_started) SELECT connection_id, 'users', 'sync', 'running', started_at, ?, ? FROM runs WHERE id = ?",
                    )
                    .run(process.ppid, startedAt, run).lastInsertRowid,
            );
        const live = running(String(parentStarted));
        expect(() => store.runs.start('demo', 'users', 'sync')).toThrow(expect.objectContaining({ reason: 'run_in_progress' }));
        store.database.prepare("UPDATE runs SET pid_started = '1' WHERE id = ?").run(live);
        expect(store.runs.start('demo', 'users', 'sync')).toBeGreaterThan(live);
        expect(store.runs.get(live)).toMatchObject({ status: 'failed', error: expect.stringMatching(/^interrupted/) });
    });
});
