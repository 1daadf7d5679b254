import { closeSync, constants, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { SecretsFileError } from '../errors/secrets-file-error.js';
import { processExists } from './process-exists.js';

const waitMs = 25;
const timeoutMs = 10_000;
const pause = new Int32Array(new SharedArrayBuffer(4));

/** Removes a lock whose holder died; renaming first means only one waiter removes it. */
function removeIfStale(lock: string): void {
    let pid: number;
    try {
        pid = Number(readFileSync(lock, 'utf8'));
    } catch {
        return;
    }
    if (!Number.isInteger(pid) || pid <= 0 || processExists(pid)) return;
    const aside = `${lock}.${process.pid}.stale`;
    try {
        renameSync(lock, aside);
        // Another waiter may have replaced the stale lock by a live one in between: put that back.
        if (Number(readFileSync(aside, 'utf8')) === pid) unlinkSync(aside);
        else renameSync(aside, lock);
    } catch {
        // Someone else cleaned it up first.
    }
}

/**
 * Runs `fn` holding `<path>.lock`, so that two processes changing the secrets file (two `connect`
 * commands, or a token rotation during another command) do not lose each other's change.
 */
export function withSecretsLock<T>(path: string, fn: () => T): T {
    const lock = `${path}.lock`;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        try {
            const fd = openSync(lock, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
            writeSync(fd, String(process.pid));
            closeSync(fd);
            break;
        } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
                throw new SecretsFileError('io', path, `Cannot lock the secrets file ${path} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`, {
                    hint: 'Check that its directory exists and belongs to you.',
                    cause: error,
                });
            }
            if (Date.now() > deadline) {
                throw new SecretsFileError('locked', path, `The secrets file ${path} stayed locked for ${timeoutMs / 1000} s.`, {
                    hint: `Another pingone-connector process is saving secrets; if none is running, remove ${lock}.`,
                });
            }
            removeIfStale(lock);
            Atomics.wait(pause, 0, 0, waitMs);
        }
    }
    try {
        return fn();
    } finally {
        unlinkSync(lock);
    }
}
