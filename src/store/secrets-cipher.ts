import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { SecretsFileError } from '../errors/secrets-file-error.js';

export const secretsKeyVariable = 'PINGONE_CONNECTOR_KEY';

/** The encrypted form of the secrets file: AES-256-GCM under a key derived from the passphrase by scrypt. */
export interface EncryptedEnvelope {
    encryption: 'aes-256-gcm';
    kdf: { name: 'scrypt'; salt: string; N: number; r: number; p: number };
    iv: string;
    tag: string;
    ciphertext: string;
}

const costs = { N: 2 ** 15, r: 8, p: 1 };
// A file could ask for absurd scrypt costs; above these it is not one of ours.
const maxN = 2 ** 20;
const maxRp = 16;

/** Derives and remembers one key per salt, so that a process pays for scrypt once per file. */
export class SecretsCipher {
    private derived: { salt: string; key: Buffer } | undefined;

    constructor(
        private readonly passphrase: string,
        private readonly path: string,
    ) {}

    private keyFor(kdf: EncryptedEnvelope['kdf']): Buffer {
        if (this.derived?.salt !== kdf.salt) {
            this.derived = {
                salt: kdf.salt,
                key: scryptSync(this.passphrase, Buffer.from(kdf.salt, 'base64'), 32, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r }),
            };
        }
        return this.derived.key;
    }

    /** Encrypts with a fresh IV, keeping the salt of the file it replaces so the derived key is reused. */
    encrypt(plaintext: string, previous?: EncryptedEnvelope['kdf']): EncryptedEnvelope {
        const kdf = previous ?? { name: 'scrypt' as const, salt: randomBytes(16).toString('base64'), ...costs };
        const iv = randomBytes(12);
        const cipher = createCipheriv('aes-256-gcm', this.keyFor(kdf), iv);
        cipher.setAAD(additionalData(kdf));
        const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
        return {
            encryption: 'aes-256-gcm',
            kdf,
            iv: iv.toString('base64'),
            tag: cipher.getAuthTag().toString('base64'),
            ciphertext: ciphertext.toString('base64'),
        };
    }

    /** The plaintext; a wrong key (or a tampered file) is a SecretsFileError, never garbage. */
    decrypt(envelope: EncryptedEnvelope): string {
        const { kdf } = envelope;
        const sane =
            kdf.name === 'scrypt' &&
            Number.isInteger(kdf.N) &&
            kdf.N > 1 &&
            kdf.N <= maxN &&
            (kdf.N & (kdf.N - 1)) === 0 &&
            [kdf.r, kdf.p].every((n) => Number.isInteger(n) && n >= 1 && n <= maxRp);
        if (!sane) {
            throw new SecretsFileError('corrupt', this.path, `The secrets file ${this.path} has key-derivation settings this program does not write.`, {
                hint: 'Restore the file from a backup, or remove it and save the connections again.',
            });
        }
        try {
            const decipher = createDecipheriv('aes-256-gcm', this.keyFor(kdf), Buffer.from(envelope.iv, 'base64'));
            decipher.setAAD(additionalData(kdf));
            decipher.setAuthTag(Buffer.from(envelope.tag, 'base64'));
            return Buffer.concat([decipher.update(Buffer.from(envelope.ciphertext, 'base64')), decipher.final()]).toString('utf8');
        } catch (error) {
            throw new SecretsFileError('wrong_key', this.path, `${secretsKeyVariable} does not decrypt the secrets file ${this.path}.`, {
                hint: `Set ${secretsKeyVariable} to the key the file was written with. If that key is lost, remove the file and save the connections again.`,
                cause: error,
            });
        }
    }
}

// Binding the derivation settings into the tag means a file whose settings were edited fails to decrypt.
function additionalData(kdf: EncryptedEnvelope['kdf']): Buffer {
    return Buffer.from(`pingone-connector-secrets/1/aes-256-gcm/${kdf.name}/${kdf.salt}/${kdf.N}/${kdf.r}/${kdf.p}`, 'utf8');
}
