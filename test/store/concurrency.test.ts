import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openTempStore } from './temp-store.js';

const writer = fileURLToPath(new URL('./fixtures/write-concurrently.ts', import.meta.url));

interface WriterReport {
    committed: number;
    failures: string[];
}

/** A writer process, read a line at a time from its stdout. */
function startWriter(path: string, connection: string, milliseconds: number) {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, path, connection, String(milliseconds)], { stdio: ['pipe', 'pipe', 'inherit'] });
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    async function line(): Promise<string> {
        const next = await lines.next();
        if (next.done === true) throw new Error(`writer ${connection} ended its output early`);
        return next.value;
    }
    const exited = new Promise<number | null>((resolve, reject) => {
        child.on('error', reject);
        child.on('close', resolve);
    });
    return {
        ready: line,
        go: () => child.stdin.write('go\n'),
        report: async (): Promise<WriterReport> => JSON.parse(await line()) as WriterReport,
        exited,
    };
}

let temp: ReturnType<typeof openTempStore> | undefined;
afterEach(() => temp?.cleanup());

describe('two processes writing to one database at once', () => {
    it('both commit every page and metadata update: a writer waits for the other instead of failing with SQLITE_BUSY', async () => {
        temp = openTempStore();
        temp.store.connections.save({ name: 'left', provider: 'pingone-cc', config: { tld: 'com' } });
        temp.store.connections.save({ name: 'right', provider: 'pingone-cc', config: { tld: 'com' } });
        const writers = [startWriter(temp.path, 'left', 1500), startWriter(temp.path, 'right', 1500)];
        await Promise.all(writers.map((writer) => writer.ready()));
        for (const writer of writers) writer.go();
        const reports = await Promise.all(writers.map((writer) => writer.report()));
        expect(await Promise.all(writers.map((writer) => writer.exited))).toEqual([0, 0]);

        expect(reports.flatMap((report) => report.failures)).toEqual([]);
        for (const [index, connection] of ['left', 'right'].entries()) {
            const { committed } = reports[index] as WriterReport;
            expect(committed).toBeGreaterThan(0);
            expect(temp.store.checkpoints.get(connection, 'users')).toEqual({ page: committed - 1 });
            expect(temp.store.metadata.get(connection)).toEqual({ page: committed - 1 });
            expect(temp.store.records.summary(connection)).toEqual([{ model: 'User', total: committed * 50, deleted: 0 }]);
        }
    }, 30_000);
});
