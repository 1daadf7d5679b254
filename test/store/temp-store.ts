import { afterEach, beforeEach } from 'vitest';
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
        async cleanup(): Promise<void> {
            // The background checkpoints' connection must be closed before the files go.
            await store.closeFully();
            rmSync(directory, { recursive: true, force: true });
        },
    };
}

export type TempStore = ReturnType<typeof openTempStore>;

/** A fresh temporary store for each test of the file: the returned object reads the current one. */
export function useTempStore(): Omit<TempStore, 'cleanup'> {
    let current: TempStore | undefined;
    beforeEach(() => {
        current = openTempStore();
    });
    afterEach(() => current?.cleanup());
    const now = (): TempStore => {
        if (current === undefined) throw new Error('useTempStore: the store exists only inside a test');
        return current;
    };
    return {
        get store() {
            return now().store;
        },
        get path() {
            return now().path;
        },
        get directory() {
            return now().directory;
        },
        get clock() {
            return now().clock;
        },
    };
}
