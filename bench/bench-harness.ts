// A harness on a new database in a temp dir, with one client-credentials connection to an emulator.
import path from 'node:path';
import { openHarness, type Harness } from '../src/harness/index.js';
import type { EmulatorReady } from './emulator-protocol.js';
import { tempDir } from './temp-dir.js';

export const benchConnection = 'bench';

export interface BenchHarness {
    harness: Harness;
    dbPath: string;
    /** Releases the database but keeps the file, for a CLI process to use. */
    release(): Promise<void>;
    close(): Promise<void>;
}

export type BenchEmulator = Omit<EmulatorReady, 'type'>;

/** Opens a harness on a new database holding the connection `bench` to the emulator (or to `emulatorUrl`, a stand-in). */
export async function openBenchHarness(emulator: BenchEmulator, label: string, options: { emulatorUrl?: string } = {}): Promise<BenchHarness> {
    const dir = tempDir(label);
    const dbPath = path.join(dir.path, 'bench.db');
    // No PINGONE_* variables or .env of the caller's may leak into the bench's connection.
    const harness = openHarness({ dbPath, cwd: dir.path, env: {} });
    try {
        await harness.connections.create({
            name: benchConnection,
            provider: 'pingone-cc',
            config: { environmentId: emulator.environmentId, tld: emulator.tld },
            secrets: { clientId: emulator.worker.clientId, clientSecret: emulator.worker.clientSecret },
            authMethod: 'client_secret_post',
            emulatorUrl: options.emulatorUrl ?? emulator.url,
        });
    } catch (error) {
        await harness.close();
        dir.remove();
        throw error;
    }
    let open = true;
    const release = async () => {
        if (open) await harness.close();
        open = false;
    };
    return {
        harness,
        dbPath,
        release,
        async close() {
            await release();
            dir.remove();
        },
    };
}
