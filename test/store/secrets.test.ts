import { spawn } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SecretsFileError, StoreError } from '../../src/errors/index.js';
import { openSecretsStore, openStore } from '../../src/store/index.js';
import { useTempStore } from './temp-store.js';

// Distinctive values, so that a scan for them cannot match anything by chance.
const clientSecret = 'cs-5f0c1e9a-SEEDED-client-secret-7b2d';
const refreshToken = 'rt-SEEDED-refresh-token-91a7c3';
const accessToken = 'at-SEEDED-access-token-44e0bd';
const seeded = [clientSecret, refreshToken, accessToken];

const temp = useTempStore();

const secretsPath = () => temp.store.secretsPath;
const caught = (fn: () => unknown): unknown => {
    try {
        fn();
    } catch (error) {
        return error;
    }
    throw new Error('expected a throw');
};
const mode = (path: string) => statSync(path).mode & 0o777;
const expectNoSecretIn = (text: string) => {
    for (const secret of seeded) expect(text).not.toContain(secret);
};

describe('secrets file', () => {
    it('lives beside the database, is created mode 0600 in a 0700 directory, and round-trips', () => {
        const { store } = temp;
        expect(secretsPath()).toBe(join(temp.directory, 'pingone.secrets.json'));
        store.secrets.set('demo', { clientId: 'client-1', clientSecret });
        expect(mode(secretsPath())).toBe(0o600);
        expect(mode(temp.directory) & 0o077).toBe(0);
        expect(store.secrets.get('demo')).toEqual({ clientId: 'client-1', clientSecret });
        expect(store.secrets.get('other')).toBeUndefined();
        expect(store.secrets.names()).toEqual(['demo']);
        expect(store.secrets.remove('demo')).toBe(true);
        expect(store.secrets.remove('demo')).toBe(false);
        expect(store.secrets.get('demo')).toBeUndefined();
    });

    it('creates the store directory with mode 0700', () => {
        const nested = openStore({ path: join(temp.directory, 'deeper', 'pingone.db') });
        nested.close();
        expect(mode(join(temp.directory, 'deeper'))).toBe(0o700);
    });

    it('rotates the access and refresh tokens in one atomic write, keeping the refresh token when none is returned', () => {
        const { store } = temp;
        store.secrets.set('demo', { clientId: 'client-1', clientSecret, refreshToken: 'rt-old', accessToken: 'at-old' });
        store.secrets.rotateTokens('demo', { accessToken, accessTokenExpiresAt: '2026-03-01T11:00:00.000Z', refreshToken });
        expect(store.secrets.get('demo')).toEqual({
            clientId: 'client-1',
            clientSecret,
            accessToken,
            accessTokenExpiresAt: '2026-03-01T11:00:00.000Z',
            refreshToken,
        });
        store.secrets.rotateTokens('demo', { accessToken: 'at-next' });
        expect(store.secrets.get('demo')).toEqual({ clientId: 'client-1', clientSecret, accessToken: 'at-next', refreshToken });
        expect(mode(secretsPath())).toBe(0o600);
        // Only the file itself remains: every temporary file was renamed into place.
        expect(readdirSync(temp.directory).filter((name) => name.includes('secrets'))).toEqual(['pingone.secrets.json']);
    });

    it('refuses a secrets file that group or others can read, naming the chmod fix and no secret', () => {
        temp.store.secrets.set('demo', { clientSecret });
        chmodSync(secretsPath(), 0o644);
        const error = caught(() => temp.store.secrets.get('demo'));
        expect(error).toBeInstanceOf(SecretsFileError);
        expect(error).toMatchObject({ reason: 'insecure_permissions', hint: expect.stringContaining(`chmod 600 ${secretsPath()}`) });
        expect((error as SecretsFileError).message).toContain('mode 0644');
        expectNoSecretIn((error as SecretsFileError).describe());
        chmodSync(secretsPath(), 0o600);
        expect(temp.store.secrets.get('demo')).toEqual({ clientSecret });
    });

    it('refuses a damaged file instead of treating it as empty, and keeps it', () => {
        writeFileSync(secretsPath(), `{"format":"pingone-connector-secrets","version":1,"encryption":"none","connections":{"demo":{"clientSecret":42}}}`, {
            mode: 0o600,
        });
        expect(() => temp.store.secrets.get('demo')).toThrow(expect.objectContaining({ reason: 'corrupt' }));
        expect(() => temp.store.secrets.set('other', { clientSecret })).toThrow(SecretsFileError);
        expect(readFileSync(secretsPath(), 'utf8')).toContain('"clientSecret":42');
    });

    it("refuses a secret that is not a string, as the caller's mistake", () => {
        expect(() => temp.store.secrets.set('demo', { clientSecret: 42 } as never)).toThrow(StoreError);
    });
});

describe('encrypted secrets file (PINGONE_CONNECTOR_KEY)', () => {
    const key = 'correct horse battery staple';

    it('round-trips, and the file holds no secret in clear', () => {
        const secrets = openSecretsStore({ path: secretsPath(), key });
        secrets.set('demo', { clientId: 'client-1', clientSecret, refreshToken });
        secrets.rotateTokens('demo', { accessToken, accessTokenExpiresAt: '2026-03-01T11:00:00.000Z' });
        const text = readFileSync(secretsPath(), 'utf8');
        expectNoSecretIn(text);
        expect(text).not.toContain('client-1');
        expect(JSON.parse(text)).toMatchObject({ encryption: 'aes-256-gcm', kdf: { name: 'scrypt' } });
        expect(openSecretsStore({ path: secretsPath(), key }).get('demo')).toEqual({
            clientId: 'client-1',
            clientSecret,
            refreshToken,
            accessToken,
            accessTokenExpiresAt: '2026-03-01T11:00:00.000Z',
        });
    });

    it('gives a typed wrong_key error for a wrong key, never garbage, and a key_required error without a key', () => {
        openSecretsStore({ path: secretsPath(), key }).set('demo', { clientSecret });
        const before = readFileSync(secretsPath(), 'utf8');

        const wrong = caught(() => openSecretsStore({ path: secretsPath(), key: 'not the key' }).get('demo'));
        expect(wrong).toBeInstanceOf(SecretsFileError);
        expect(wrong).toMatchObject({ reason: 'wrong_key', hint: expect.stringContaining('PINGONE_CONNECTOR_KEY') });
        expect((wrong as SecretsFileError).describe()).not.toContain('not the key');

        const missing = caught(() => temp.store.secrets.get('demo'));
        expect(missing).toMatchObject({ reason: 'key_required' });
        // Without the key the encrypted file is neither read as empty nor overwritten.
        expect(() => temp.store.secrets.set('other', { clientSecret: 'x' })).toThrow(expect.objectContaining({ reason: 'key_required' }));
        expect(() => openSecretsStore({ path: secretsPath(), key: 'not the key' }).set('other', { clientSecret: 'x' })).toThrow(
            expect.objectContaining({ reason: 'wrong_key' }),
        );
        expect(readFileSync(secretsPath(), 'utf8')).toBe(before);
        for (const error of [wrong, missing]) expectNoSecretIn((error as SecretsFileError).describe());
    });

    it('detects a tampered ciphertext as a wrong key or damage, not as other secrets', () => {
        openSecretsStore({ path: secretsPath(), key }).set('demo', { clientSecret });
        const document = JSON.parse(readFileSync(secretsPath(), 'utf8')) as { ciphertext: string };
        const bytes = Buffer.from(document.ciphertext, 'base64');
        bytes[0] = (bytes[0] as number) ^ 1;
        document.ciphertext = bytes.toString('base64');
        writeFileSync(secretsPath(), JSON.stringify(document), { mode: 0o600 });
        expect(() => openSecretsStore({ path: secretsPath(), key }).get('demo')).toThrow(SecretsFileError);
    });

    it('warns once that a plain file read with the key set is not encrypted, and encrypts it on its next write, as the warning says', () => {
        temp.store.secrets.set('demo', { clientSecret });
        expect(readFileSync(secretsPath(), 'utf8')).toContain(clientSecret);
        const warnings: string[] = [];
        const keyed = openSecretsStore({ path: secretsPath(), key, onWarning: (message) => warnings.push(message) });
        expect(keyed.get('demo')).toEqual({ clientSecret });
        expect(openSecretsStore({ path: secretsPath(), key, onWarning: (message) => warnings.push(message) }).names()).toEqual(['demo']);
        expect(warnings).toEqual([expect.stringContaining(`PINGONE_CONNECTOR_KEY is set, but the secrets file ${secretsPath()} is not encrypted`)]);
        expect(warnings[0]).toMatch(/written encrypted at its next change/);
        expectNoSecretIn(warnings.join('\n'));
        keyed.set('other', { clientSecret: 'cs-other' });
        expectNoSecretIn(readFileSync(secretsPath(), 'utf8'));
        expect(JSON.parse(readFileSync(secretsPath(), 'utf8'))).toMatchObject({ encryption: 'aes-256-gcm' });
        expect(keyed.get('demo')).toEqual({ clientSecret });
    });

    it('says nothing about a plain file when no key is set', () => {
        temp.store.secrets.set('demo', { clientSecret });
        const warnings: string[] = [];
        expect(openSecretsStore({ path: secretsPath(), onWarning: (message) => warnings.push(message) }).get('demo')).toEqual({ clientSecret });
        expect(warnings).toEqual([]);
    });
});

describe('the database holds no secret', () => {
    it('keeps secrets out of the database file and its WAL, and refuses a secret-looking config field', () => {
        const { store } = temp;
        store.connections.save({
            name: 'demo',
            provider: 'pingone-cc',
            config: { environmentId: 'f9a7d1c2-0b1e-4d1a-9a0e-3f2c1b4a5d6e', tld: 'eu' },
            authMethod: 'client_secret_basic',
        });
        store.secrets.set('demo', { clientId: 'client-1', clientSecret, refreshToken, accessToken });
        store.records.saveBatch('demo', 'User', [{ id: 'u1' }]);
        const error = caught(() => store.connections.save({ name: 'demo', provider: 'pingone-cc', config: { clientSecret } }));
        expect(error).toMatchObject({ reason: 'invalid_argument' });
        expectNoSecretIn((error as StoreError).describe());

        const files = readdirSync(temp.directory).filter((name) => name.startsWith('pingone.db'));
        expect(files).toContain('pingone.db');
        for (const file of files) {
            const bytes = readFileSync(join(temp.directory, file));
            for (const secret of seeded) expect(bytes.includes(Buffer.from(secret))).toBe(false);
        }
    });
});

describe('two processes saving secrets at once', () => {
    const writer = fileURLToPath(new URL('./fixtures/write-secrets.ts', import.meta.url));
    const run = (prefix: string) =>
        new Promise<number | null>((resolve, reject) => {
            const child = spawn(process.execPath, ['--import', 'tsx', writer, secretsPath(), prefix, '15'], { stdio: ['ignore', 'ignore', 'inherit'] });
            child.on('error', reject);
            child.on('close', resolve);
        });

    it("lose neither one's changes (the file is locked around each read-modify-write)", async () => {
        expect(await Promise.all([run('a'), run('b')])).toEqual([0, 0]);
        const names = temp.store.secrets.names();
        expect(names).toHaveLength(30);
        expect(temp.store.secrets.get('b-14')).toEqual({ clientId: 'b-client-14', clientSecret: 'b-secret-14' });
        expect(readdirSync(temp.directory).filter((name) => name.includes('secrets'))).toEqual(['pingone.secrets.json']);
    });

    it('take over a lock left behind by a dead process', () => {
        // A pid far above any pid_max stands for a process that no longer exists.
        writeFileSync(`${secretsPath()}.lock`, '2147483646', { mode: 0o600 });
        temp.store.secrets.set('demo', { clientSecret });
        expect(temp.store.secrets.get('demo')).toEqual({ clientSecret });
    });
});
