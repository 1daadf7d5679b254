import { spawnSync } from 'node:child_process';
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
});
