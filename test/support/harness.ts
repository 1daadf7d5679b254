import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openHarness, type Harness } from '../../src/harness/index.js';
import type { TestEmulator } from './emulator.js';

/** The test scripts (createSync/createAction from 'nango') under test/harness/fixtures. */
export const fixtureScripts = fileURLToPath(new URL('../harness/fixtures/', import.meta.url));

/** A fresh database path in its own temporary directory. */
export function temporaryDatabase(): string {
    return path.join(mkdtempSync(path.join(tmpdir(), 'pingone-harness-')), 'pingone.db');
}

/** Opens a harness on a fresh database with the fixture scripts, and saves a pingone-cc connection to the emulator's Worker app. */
export async function harnessOnEmulator(emulator: TestEmulator, name = 'cc', dbPath = temporaryDatabase()): Promise<Harness> {
    const harness = openHarness({ dbPath, scriptsRoot: fixtureScripts, env: {} });
    await harness.connections.create({
        name,
        provider: 'pingone-cc',
        config: { environmentId: emulator.environmentId, tld: emulator.tld },
        secrets: { clientId: emulator.worker.clientId, clientSecret: emulator.worker.clientSecret },
        authMethod: 'client_secret_post',
        emulatorUrl: emulator.url,
    });
    return harness;
}

/** A model's live records as plain objects, sorted by id: what two runs are compared on. */
export function liveRecords(harness: Harness, connection: string, model: string): Record<string, unknown>[] {
    return harness.store.records
        .list(connection, model, { limit: 10_000 })
        .records.filter((record) => record._nango_metadata.deleted_at === null)
        .map(({ _nango_metadata: _meta, ...record }) => record)
        .sort((a, b) => String(a['id']).localeCompare(String(b['id'])));
}
