import { resolve } from 'node:path';
import { SecretsFileError } from '../errors/secrets-file-error.js';
import { StoreError } from '../errors/store-error.js';
import { checkConnectionName } from './connections-repo.js';
import { SecretsCipher, secretsKeyVariable, type EncryptedEnvelope } from './secrets-cipher.js';
import { readSecretsFile, writeSecretsFile } from './secrets-file.js';
import { withRenewalLock, withSecretsLock } from './secrets-lock.js';

/** The secret half of a connection. The client ID is not secret, but it travels with its secret. */
export interface ConnectionSecrets {
    clientId?: string;
    clientSecret?: string;
    accessToken?: string;
    /** ISO 8601 time the access token expires. */
    accessTokenExpiresAt?: string;
    refreshToken?: string;
}

/** What a token refresh returns; a response without a new refresh token keeps the old one. */
export interface RotatedTokens {
    accessToken: string;
    accessTokenExpiresAt?: string | undefined;
    refreshToken?: string | undefined;
}

type SecretsByConnection = Record<string, ConnectionSecrets>;

const format = 'pingone-connector-secrets';
const fields: readonly (keyof ConnectionSecrets)[] = ['clientId', 'clientSecret', 'accessToken', 'accessTokenExpiresAt', 'refreshToken'];

export interface SecretsStoreOptions {
    path: string;
    /** The passphrase (`PINGONE_CONNECTOR_KEY`). With it the file is written encrypted; without it, as JSON mode 0600. */
    key?: string | undefined;
    /** Told once per file and process when a key is set but the file read is plain JSON; default: `process.emitWarning`. */
    onWarning?: ((message: string) => void) | undefined;
}

/** The plain files already warned about in this process: one warning per file, however many stores open it. */
const warnedPlaintext = new Set<string>();

function corrupt(path: string, what: string): SecretsFileError {
    return new SecretsFileError('corrupt', path, `The secrets file ${path} is damaged: ${what}.`, {
        hint: 'Restore it from a backup, or remove it and save the connections again.',
    });
}

/** Keeps only the known fields, each a string; `bad` words the error (a damaged file, or a caller's mistake). */
function checkSecrets(name: string, entry: unknown, bad: (what: string) => Error): ConnectionSecrets {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) throw bad(`the secrets of ${JSON.stringify(name)} are not an object`);
    const secrets: ConnectionSecrets = {};
    for (const field of fields) {
        const item = (entry as Record<string, unknown>)[field];
        if (item === undefined) continue;
        if (typeof item !== 'string') throw bad(`the field ${field} of ${JSON.stringify(name)} is not a string`);
        secrets[field] = item;
    }
    return secrets;
}

function checkConnections(path: string, value: unknown): SecretsByConnection {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw corrupt(path, 'it holds no connections object');
    const checked: SecretsByConnection = {};
    for (const [name, entry] of Object.entries(value)) checked[name] = checkSecrets(name, entry, (what) => corrupt(path, what));
    return checked;
}

function invalidInput(what: string): StoreError {
    return new StoreError('invalid_argument', `Cannot save secrets: ${what}.`, { hint: `Pass strings for ${fields.join(', ')}.` });
}

/**
 * The secrets file beside the database. Every change re-reads the file and replaces it whole and
 * atomically, so a crash never leaves half a file, and a token rotation swaps the access and
 * refresh tokens in one write. A file written encrypted can only be read with its key: without
 * it, reading fails (`key_required`), it is never treated as empty or overwritten.
 */
export function openSecretsStore(options: SecretsStoreOptions) {
    const { path } = options;
    const key = options.key === '' ? undefined : options.key;
    const cipher = key === undefined ? undefined : new SecretsCipher(key, path);
    let lastKdf: EncryptedEnvelope['kdf'] | undefined;

    /** A file written before the key was set: its secrets sit in plain JSON until the next write, which encrypts them. */
    function warnPlaintext(): void {
        const file = resolve(path);
        if (warnedPlaintext.has(file)) return;
        warnedPlaintext.add(file);
        const message =
            `${secretsKeyVariable} is set, but the secrets file ${path} is not encrypted (it was written without the key). ` +
            `It will be written encrypted at its next change (a connection saved or removed, or a signed-on connection's tokens renewed); ` +
            `to encrypt it now, save one of its connections again with \`pingone-connector connect\`.`;
        if (options.onWarning === undefined) process.emitWarning(message, { code: 'PINGONE_CONNECTOR_PLAINTEXT_SECRETS' });
        else options.onWarning(message);
    }

    function load(): SecretsByConnection {
        const text = readSecretsFile(path);
        if (text === undefined) return {};
        let document: Record<string, unknown>;
        try {
            document = JSON.parse(text) as Record<string, unknown>;
        } catch {
            throw corrupt(path, 'it is not JSON');
        }
        if (document === null || typeof document !== 'object' || document['format'] !== format || document['version'] !== 1) {
            throw corrupt(path, 'it is not a pingone-connector secrets file of version 1');
        }
        if (document['encryption'] === 'none') {
            if (cipher !== undefined) warnPlaintext();
            return checkConnections(path, document['connections']);
        }
        if (document['encryption'] !== 'aes-256-gcm') throw corrupt(path, `unknown encryption ${JSON.stringify(document['encryption'])}`);
        if (cipher === undefined) {
            throw new SecretsFileError('key_required', path, `The secrets file ${path} is encrypted and ${secretsKeyVariable} is not set.`, {
                hint: `Set ${secretsKeyVariable} to the key the file was written with.`,
            });
        }
        const envelope = document as unknown as EncryptedEnvelope;
        if (
            typeof envelope.kdf !== 'object' ||
            envelope.kdf === null ||
            [envelope.iv, envelope.tag, envelope.ciphertext, envelope.kdf.salt].some((part) => typeof part !== 'string')
        ) {
            throw corrupt(path, 'its encrypted envelope is incomplete');
        }
        const plaintext = cipher.decrypt(envelope);
        lastKdf = envelope.kdf;
        try {
            return checkConnections(path, JSON.parse(plaintext));
        } catch (error) {
            if (error instanceof SecretsFileError) throw error;
            throw corrupt(path, 'its decrypted content is not JSON');
        }
    }

    function store(connections: SecretsByConnection): void {
        const body =
            cipher === undefined
                ? { format, version: 1, encryption: 'none', connections }
                : { format, version: 1, ...cipher.encrypt(JSON.stringify(connections), lastKdf) };
        writeSecretsFile(path, `${JSON.stringify(body, null, 2)}\n`);
    }

    function change(edit: (connections: SecretsByConnection) => boolean | void): boolean {
        return withSecretsLock(path, () => {
            const connections = load();
            if (edit(connections) === false) return false;
            store(connections);
            return true;
        });
    }

    return {
        path,
        /** True when this store writes the file encrypted. */
        encrypted: cipher !== undefined,
        get(connection: string): ConnectionSecrets | undefined {
            return load()[connection];
        },
        /** Replaces the connection's secrets. */
        set(connection: string, secrets: ConnectionSecrets): void {
            change((connections) => {
                connections[checkConnectionName(connection)] = checkSecrets(connection, secrets, invalidInput);
            });
        },
        /** Saves a refreshed access token and, if the response carried one, the new refresh token, in one write. */
        rotateTokens(connection: string, tokens: RotatedTokens): void {
            if (typeof tokens.accessToken !== 'string' || tokens.accessToken === '') throw invalidInput('the rotated access token is empty');
            change((connections) => {
                const current = connections[connection] ?? {};
                const next: ConnectionSecrets = { ...current, accessToken: tokens.accessToken };
                if (tokens.accessTokenExpiresAt === undefined) delete next.accessTokenExpiresAt;
                else next.accessTokenExpiresAt = tokens.accessTokenExpiresAt;
                if (tokens.refreshToken !== undefined) next.refreshToken = tokens.refreshToken;
                connections[connection] = next;
            });
        },
        /**
         * Runs `work` holding the connection's renewal lock across its awaits, for a token refresh:
         * no other process renews the same tokens meanwhile; saves (under the file lock) go on.
         * `signal` aborts when the hold must end (see secrets-lock.ts).
         */
        exclusively<T>(connection: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
            return withRenewalLock(path, connection, work);
        },
        /** Forgets the connection's secrets; true when it had some. */
        remove(connection: string): boolean {
            return change((connections) => {
                if (!(connection in connections)) return false;
                delete connections[connection];
                return true;
            });
        },
        names(): string[] {
            return Object.keys(load()).sort();
        },
    };
}

export type SecretsStore = ReturnType<typeof openSecretsStore>;
