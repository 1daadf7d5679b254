// What the CLI says about the store's refusals and warnings: a connection being synced is not
// removed, and a plain secrets file read with PINGONE_CONNECTOR_KEY set is pointed out.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import { runCli } from '../support/cli.js';
import { temporaryDatabase } from '../support/harness.js';

const clientSecret = 'cs-SEEDED-store-refusals-3c9e';
let store: Store | undefined;
afterEach(() => store?.close());

/** A store with one saved connection and its secrets, written without a key. */
function storeWithConnection(): { db: string; store: Store } {
    const db = temporaryDatabase();
    store = openStore({ path: db });
    store.connections.save({ name: 'cc', provider: 'pingone-cc', config: { environmentId: 'f9a7d1c2-0b1e-4d1a-9a0e-3f2c1b4a5d6e', tld: 'com' } });
    store.secrets.set('cc', { clientId: 'client-1', clientSecret });
    return { db, store };
}

const env = (extra: NodeJS.ProcessEnv = {}) => ({ env: { PATH: process.env['PATH'], ...extra } });

describe('connections remove', () => {
    it('is refused with exit 1 while a live process runs a sync of the connection; nothing is removed; afterwards it works', async () => {
        const { db, store } = storeWithConnection();
        // This test process stands for the process running the sync.
        const runId = store.runs.start('cc', 'users', 'sync');
        const refused = await runCli(['connections', 'remove', 'cc', '--db', db], env());
        expect(refused.code).toBe(1);
        expect(refused.stderr).toMatch(
            /Connection cc is being synced \(run \d+, process \d+\); removing it now would take its records and its run from under that sync\./,
        );
        expect(refused.stderr).toMatch(/hint: Wait for the sync to finish/);
        expect(store.connections.get('cc')).toBeDefined();
        expect(store.secrets.get('cc')).toEqual({ clientId: 'client-1', clientSecret });

        store.runs.finish(runId, { status: 'success' });
        expect((await runCli(['connections', 'remove', 'cc', '--db', db], env())).code).toBe(0);
        expect(store.connections.get('cc')).toBeUndefined();
    });
});

describe('a plain secrets file while PINGONE_CONNECTOR_KEY is set', () => {
    it('prints one warning naming the file and how it gets encrypted, without any secret', async () => {
        const { db, store } = storeWithConnection();
        const secretsFile = path.join(path.dirname(db), 'pingone.secrets.json');
        const listed = await runCli(['connections', 'list', '--db', db, '--json'], env({ PINGONE_CONNECTOR_KEY: 'a key set after the file was written' }));
        expect(listed.code).toBe(0);
        const warnings = listed.stderr.split('\n').filter((line) => line.startsWith('warning: '));
        expect(warnings).toEqual([expect.stringContaining(`PINGONE_CONNECTOR_KEY is set, but the secrets file ${secretsFile} is not encrypted`)]);
        expect(listed.stderr).not.toContain(clientSecret);
        expect(JSON.parse(readFileSync(store.secretsPath, 'utf8'))).toMatchObject({ encryption: 'none' });
    });
});
