// nango.updateMetadata while another process writes the same connection's metadata. The other
// writer is a worker thread with its own SQLite connection, holding the write lock while the
// script's update begins; the run context is built by hand from a real store, with only the
// fields updateMetadata reads.
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalNangoAction } from '../../src/harness/local-nango-action.js';
import type { RunContext } from '../../src/harness/run-context.js';
import type { Store } from '../../src/store/index.js';
import { openTempStore } from '../store/temp-store.js';

// Plain JavaScript: takes the write lock, says so, then writes a field of its own and commits 300 ms later.
const otherWriter = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.betterSqlite3);
const db = new Database(workerData.path);
db.exec('BEGIN IMMEDIATE');
parentPort.postMessage('locked');
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
db.prepare("UPDATE connections SET metadata = json_set(metadata, '$.other', 'kept') WHERE name = 'demo'").run();
db.exec('COMMIT');
db.close();
`;

/** What the harness hands a script for connection `demo`, as far as updateMetadata goes. */
function runContext(store: Store): RunContext {
    const context: Pick<RunContext, 'scriptName' | 'connection' | 'signal' | 'metadata'> = {
        scriptName: 'set-region',
        connection: {
            name: 'demo',
            integration: 'pingone-cc',
            provider: 'pingone-cc',
            connectionConfig: {},
            clientId: undefined,
            createdAt: '',
            updatedAt: '',
        },
        signal: new AbortController().signal,
        metadata: {
            get: () => store.metadata.get('demo'),
            set: (metadata) => store.metadata.set('demo', metadata),
            update: (metadata) => store.metadata.update('demo', metadata),
        },
    };
    return context as RunContext;
}

let temp: ReturnType<typeof openTempStore> | undefined;
afterEach(() => temp?.cleanup());

describe('nango.updateMetadata', () => {
    it('keeps the fields another process writes while the update waits for the database', async () => {
        temp = openTempStore();
        temp.store.metadata.set('demo', { start: 1 });
        const nango = LocalNangoAction.create(runContext(temp.store), 'action');

        const worker = new Worker(otherWriter, {
            eval: true,
            workerData: { betterSqlite3: createRequire(import.meta.url).resolve('better-sqlite3'), path: temp.path },
        });
        const exited = once(worker, 'exit');
        await once(worker, 'message');
        await nango.updateMetadata({ region: 'eu' });
        expect(await exited).toEqual([0]);

        expect(temp.store.metadata.get('demo')).toEqual({ start: 1, other: 'kept', region: 'eu' });
    });
});
