import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type OpenStoreOptions, type Store } from '../../src/store/index.js';

/** A real store in a fresh temporary directory, with a connection `demo` and a clock the test moves. */
export function openTempStore(options: Partial<OpenStoreOptions> = {}) {
    const directory = mkdtempSync(join(tmpdir(), 'pingone-store-'));
    let time = Date.parse('2026-03-01T10:00:00.000Z');
    const clock = {
        /** Moves the clock on by `ms` (default one second). */
        tick(ms = 1000): string {
            time += ms;
            return new Date(time).toISOString();
        },
        get now(): string {
            return new Date(time).toISOString();
        },
    };
    const path = join(directory, 'pingone.db');
    const store: Store = openStore({ path, now: () => new Date(time), ...options });
    store.connections.save({ name: 'demo', provider: 'pingone-cc', config: { environmentId: 'f9a7d1c2-0b1e-4d1a-9a0e-3f2c1b4a5d6e', tld: 'com' } });
    return {
        store,
        path,
        directory,
        clock,
        cleanup(): void {
            store.close();
            rmSync(directory, { recursive: true, force: true });
        },
    };
}
