import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { openTempStore } from './temp-store.js';

const writer = fileURLToPath(new URL('./fixtures/write-batches.ts', import.meta.url));

/** Runs the writer; with `killAfter`, SIGKILLs it once it has reported that many committed batches. */
function runWriter(path: string, last: number, killAfter?: number): Promise<{ reported: number; signal: NodeJS.Signals | null; code: number | null }> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', writer, path, String(last)], { stdio: ['ignore', 'pipe', 'inherit'] });
        let reported = 0;
        let buffered = '';
        child.stdout.setEncoding('utf8');
        child.stdout.on('data', (chunk: string) => {
            buffered += chunk;
            const lines = buffered.split('\n');
            buffered = lines.pop() ?? '';
            reported = Math.max(reported, ...lines.map(Number));
            if (killAfter !== undefined && reported >= killAfter) child.kill('SIGKILL');
        });
        child.on('error', reject);
        child.on('close', (code, signal) => resolve({ reported, signal, code }));
    });
}

let temp: ReturnType<typeof openTempStore> | undefined;
afterEach(() => temp?.cleanup());

describe('a writer killed with SIGKILL', () => {
    it('loses no committed batch, leaves no partial one, keeps the counts it committed, and a resumed run ends with the records of a clean run', async () => {
        temp = openTempStore();
        temp.store.close();

        const killed = await runWriter(temp.path, 1_000_000, 25);
        expect(killed.signal).toBe('SIGKILL');

        const store = openStore({ path: temp.path });
        try {
            expect(store.integrityCheck()).toBe('ok');
            const batch = Number(store.checkpoints.get('demo', 'users')?.['batch']);
            // Everything reported was committed; the checkpoint may be ahead of the report, never behind it.
            expect(batch).toBeGreaterThanOrEqual(killed.reported);
            expect(store.records.getByIds('demo', 'Progress', ['progress']).get('progress')).toEqual({ id: 'progress', batch });
            const users = store.records.summary('demo').find((model) => model.model === 'User');
            expect(users).toEqual({ model: 'User', total: batch * 100, deleted: 0 });
            // The killed process's run no longer claims to be running, and reports what it had committed:
            // every user and the progress record added once, then updated each batch; one "request" a batch.
            expect(store.runs.recent()).toEqual([
                expect.objectContaining({
                    status: 'failed',
                    error: expect.stringMatching(/^interrupted/),
                    added: batch * 100 + 1,
                    updated: batch - 1,
                    deleted: 0,
                    requests: batch,
                }),
            ]);
        } finally {
            store.close();
        }

        const resumed = await runWriter(temp.path, killed.reported + 40);
        expect(resumed.code).toBe(0);

        const final = openStore({ path: temp.path });
        try {
            const total = (killed.reported + 40) * 100;
            const records = [...final.records.iterate('demo', 'User')];
            expect(records).toHaveLength(total);
            expect(new Set(records.map((record) => record['id'])).size).toBe(total);
            expect(records.every((record) => record._nango_metadata.last_action === 'ADDED')).toBe(true);
            expect(final.integrityCheck()).toBe('ok');
            expect(final.runs.recent().map((run) => run.status)).toEqual(['failed', 'failed']);
        } finally {
            final.close();
        }
    });
});
