import { randomBytes } from 'node:crypto';
import { closeSync, constants, fchmodSync, fstatSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { SecretsFileError } from '../errors/secrets-file-error.js';

function ioError(path: string, doing: string, error: unknown): SecretsFileError {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    return new SecretsFileError('io', path, `Cannot ${doing} the secrets file ${path} (${code}).`, {
        hint: 'Check that its directory exists and belongs to you, and that the disk is not full.',
        cause: error,
    });
}

/**
 * The file's text, or undefined when there is none. Refuses a file that its group or others can
 * read (the secrets may already have leaked; the fix is chmod, and perhaps a new client secret)
 * and a file owned by someone else (who could have planted it).
 */
export function readSecretsFile(path: string): string | undefined {
    let fd: number;
    try {
        // O_NOFOLLOW: a symlink planted in place of the file is refused, not followed.
        fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw ioError(path, 'open', error);
    }
    try {
        const stat = fstatSync(fd);
        if ((stat.mode & 0o077) !== 0) {
            const mode = (stat.mode & 0o777).toString(8).padStart(4, '0');
            throw new SecretsFileError(
                'insecure_permissions',
                path,
                `The secrets file ${path} can be read by other users (mode ${mode}); refusing to use it.`,
                {
                    hint: `Run \`chmod 600 ${path}\`. If other people could read it, also create a new client secret in PingOne and save the connection again.`,
                },
            );
        }
        if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) {
            throw new SecretsFileError('wrong_owner', path, `The secrets file ${path} belongs to another user (uid ${stat.uid}); refusing to use it.`, {
                hint: 'Use your own store (--db or PINGONE_CONNECTOR_DB), or have the owner remove the file.',
            });
        }
        return readFileSync(fd, 'utf8');
    } catch (error) {
        if (error instanceof SecretsFileError) throw error;
        throw ioError(path, 'read', error);
    } finally {
        closeSync(fd);
    }
}

/**
 * Replaces the file in one step: a temporary file (mode 0600) written and fsynced, then renamed
 * over the old one, then the directory fsynced. A crash leaves the old file or the new one whole.
 */
export function writeSecretsFile(path: string, text: string): void {
    const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    let fd: number | undefined;
    try {
        fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
        // The umask can only narrow 0600, but an inherited ACL or odd umask must not widen it.
        fchmodSync(fd, 0o600);
        const bytes = Buffer.from(text, 'utf8');
        let written = 0;
        while (written < bytes.length) written += writeSync(fd, bytes, written);
        fsyncSync(fd);
        closeSync(fd);
        fd = undefined;
        renameSync(temporary, path);
    } catch (error) {
        if (fd !== undefined) closeSync(fd);
        try {
            unlinkSync(temporary);
        } catch {
            // Already renamed or never created: nothing to clean up.
        }
        throw ioError(path, 'write', error);
    }
    syncDirectory(dirname(path));
}

function syncDirectory(directory: string): void {
    let fd: number | undefined;
    try {
        fd = openSync(directory, constants.O_RDONLY);
        fsyncSync(fd);
    } catch {
        // Some file systems refuse fsync on a directory; the rename itself is still atomic.
    } finally {
        if (fd !== undefined) closeSync(fd);
    }
}
