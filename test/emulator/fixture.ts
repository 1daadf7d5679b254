import { afterAll, beforeAll } from 'vitest';
import type { EmulatorOptions } from '../../src/emulator/index.js';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';

export interface EmulatorFixture {
    emulator: TestEmulator;
    /** A Worker-app token (Environment Admin, Identity Data Admin, Organization Admin). */
    token: string;
    /** ISO time right after the emulator started: what it holds from before is seeded. */
    startedAt: string;
}

/** One emulator for the tests of a file: started before them (with a Worker token), closed after. Read its fields inside tests. */
export function emulatorForFile(options: EmulatorOptions = {}): EmulatorFixture {
    const fixture = {} as EmulatorFixture;
    beforeAll(async () => {
        fixture.emulator = await startTestEmulator(options);
        fixture.startedAt = new Date().toISOString();
        fixture.token = await fixture.emulator.workerToken();
    });
    afterAll(() => fixture.emulator.close());
    return fixture;
}
