import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openConnectionRuntime, type ConnectionRuntime } from '../../src/connections/runtime.js';
import { openStore, type Store } from '../../src/store/index.js';
import { renewalLockPath } from '../../src/store/secrets-lock.js';
import { codeTokens } from '../emulator/oauth-flow.js';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { openTempStore, type TempStore } from '../store/temp-store.js';

// Two commands on one `pingone` connection at once (two syncs, or `connections test` during a
// sync): each opens the store and holds the refresh token the secrets file had. Two stores opened
// on one file stand in for the two processes (they share nothing but the files); the last test
// runs two real ones.

let emulator: TestEmulator;
let temp: TempStore;
const opened: Array<{ store: Store; runtime: ConnectionRuntime }> = [];

beforeAll(async () => {
    emulator = await startTestEmulator();
});
afterAll(() => emulator.close());
afterEach(async () => {
    for (const { store, runtime } of opened.splice(0)) {
        await runtime.close();
        await store.closeFully();
    }
    await temp.cleanup();
});

/** A signed-on `pingone` connection whose saved access token has expired, so the next token is a refresh. */
async function signedOnConnection(): Promise<void> {
    temp = openTempStore();
    const body = (await codeTokens(emulator, undefined, emulator.adminSignOn)).body as { access_token: string; refresh_token: string };
    temp.store.connections.save({
        name: 'p',
        provider: 'pingone',
        config: { environmentId: emulator.environmentId, tld: emulator.tld },
        emulatorUrl: emulator.url,
    });
    temp.store.secrets.set('p', {
        clientId: emulator.adminSignOn.clientId,
        clientSecret: emulator.adminSignOn.clientSecret,
        accessToken: body.access_token,
        accessTokenExpiresAt: new Date(Date.now() - 1000).toISOString(),
        refreshToken: body.refresh_token,
    });
}

/** Another command opening the connection: its own store on the same database and secrets file. */
async function command(): Promise<ConnectionRuntime> {
    const store = openStore({ path: temp.path });
    const runtime = await openConnectionRuntime(store, store.connections.get('p')!, { env: {} });
    opened.push({ store, runtime });
    return runtime;
}

const connected = { ok: true, reason: 'connected' };

function expireSavedAccessToken(): void {
    const saved = temp.store.secrets.get('p')!;
    temp.store.secrets.set('p', { ...saved, accessTokenExpiresAt: new Date(Date.now() - 1000).toISOString() });
}

describe('a refresh token shared by two commands', () => {
    it('renewed by both at once: both get working tokens, one refresh reaches PingOne, and the token family lives on', async () => {
        await signedOnConnection();
        const [first, second] = [await command(), await command()];
        emulator.admin.resetStats();

        const [firstTest, secondTest] = await Promise.all([first.test(), second.test()]);

        expect(firstTest).toMatchObject(connected);
        expect(secondTest).toMatchObject(connected);
        expect(emulator.admin.stats().tokenRequests).toBe(1);
        expireSavedAccessToken();
        expect(await (await command()).test()).toMatchObject(connected);
    });

    it('renewed by one, then by the other still holding the spent refresh token: the other takes the saved access token, without a request', async () => {
        await signedOnConnection();
        const [first, second] = [await command(), await command()];

        expect(await first.test()).toMatchObject(connected);
        emulator.admin.resetStats();
        expect(await second.test()).toMatchObject(connected);
        expect(emulator.admin.stats().tokenRequests).toBe(0);
    });

    it('renewed by one, then by the other once the saved access token has expired too: the other refreshes with the saved refresh token', async () => {
        await signedOnConnection();
        const [first, second] = [await command(), await command()];

        expect(await first.test()).toMatchObject(connected);
        expireSavedAccessToken();
        expect(await second.test()).toMatchObject(connected);
        expireSavedAccessToken();
        expect(await (await command()).test()).toMatchObject(connected);
    });

    it('renewed by two processes at once: both get working tokens and the token family lives on', async () => {
        await signedOnConnection();
        const script = fileURLToPath(new URL('./fixtures/test-connection.ts', import.meta.url));
        const children = [0, 1].map(() => {
            const child = spawn(process.execPath, ['--import', 'tsx', script, temp.path, 'p'], { stdio: ['pipe', 'pipe', 'inherit'] });
            let output = '';
            child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
            const ready = new Promise<void>((resolve) => child.stdout.on('data', () => output.startsWith('ready\n') && resolve()));
            const done = new Promise<unknown>((resolve, reject) => {
                child.on('error', reject);
                child.on('close', () => resolve(JSON.parse(output.slice('ready\n'.length))));
            });
            return { child, ready, done };
        });
        // Both have read the same refresh token before either renews it.
        await Promise.all(children.map(({ ready }) => ready));
        for (const { child } of children) child.stdin.write('go\n');

        expect(await Promise.all(children.map(({ done }) => done))).toEqual([connected, connected]);
        expireSavedAccessToken();
        expect(await (await command()).test()).toMatchObject(connected);
    }, 30_000);

    it('renewed after a process died holding the lock: the lock is taken over', async () => {
        await signedOnConnection();
        // A pid far above any pid_max stands for a process that no longer exists.
        writeFileSync(renewalLockPath(temp.store.secretsPath, 'p'), '2147483646', { mode: 0o600 });
        writeFileSync(`${temp.store.secretsPath}.lock`, '2147483646', { mode: 0o600 });
        expect(await (await command()).test()).toMatchObject(connected);
    });

    it("does not take over the tokens of another application's sign-on that replaced the connection meanwhile", async () => {
        await signedOnConnection();
        const runtime = await command();
        const saved = temp.store.secrets.get('p')!;
        temp.store.secrets.set('p', { ...saved, clientId: 'another-application', accessTokenExpiresAt: new Date(Date.now() + 600_000).toISOString() });
        expect(await runtime.test()).toMatchObject({ ok: false, message: expect.stringContaining('The connection was replaced') });
        expect(temp.store.secrets.get('p')).toMatchObject({ clientId: 'another-application', refreshToken: saved.refreshToken });
    });

    it('leaves nothing locked after a renewal PingOne refuses, and the secrets file stays writable meanwhile', async () => {
        await signedOnConnection();
        const saved = temp.store.secrets.get('p')!;
        temp.store.secrets.set('p', { ...saved, refreshToken: 'a-refresh-token-pingone-never-issued' });
        const renewing = (await command()).test();
        // While the renewal waits on PingOne, the file's own lock is free: saving another connection goes through.
        temp.store.secrets.set('other', { clientId: 'other-client', clientSecret: 'other-secret-value' });
        expect(await renewing).toMatchObject({ ok: false });
        expect(existsSync(renewalLockPath(temp.store.secretsPath, 'p'))).toBe(false);
        expect(existsSync(`${temp.store.secretsPath}.lock`)).toBe(false);
    });
});
