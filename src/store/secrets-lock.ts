import { createHash } from 'node:crypto';
import { closeSync, constants, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { SecretsFileError } from '../errors/secrets-file-error.js';
import { processExists } from './process-exists.js';

const waitMs = 25;
/** The file lock is held for one read-modify-write of the file: a waiter gives up after this. */
const fileTimeoutMs = 10_000;
/** The longest a token refresh may hold its connection's renewal lock: its request is aborted then. */
const holdMs = 30_000;
// A waiter outlasts the longest hold, so that a slow refresh elsewhere is not mistaken for a stuck lock.
const renewalTimeoutMs = holdMs + 10_000;
const pause = new Int32Array(new SharedArrayBuffer(4));

/** The pid written in a lock file, or undefined when there is none (yet, or any more). */
function holderOf(lock: string): number | undefined {
    try {
        const pid = Number(readFileSync(lock, 'utf8'));
        return Number.isInteger(pid) && pid > 0 ? pid : undefined;
    } catch {
        return undefined;
    }
}

/** Removes a lock whose holder died; renaming first means only one waiter removes it. */
function removeIfStale(lock: string): void {
    const pid = holderOf(lock);
    if (pid === undefined || processExists(pid)) return;
    const aside = `${lock}.${process.pid}.stale`;
    try {
        renameSync(lock, aside);
        // Another waiter may have replaced the stale lock by a live one in between: put that back.
        if (holderOf(aside) === pid) unlinkSync(aside);
        else renameSync(aside, lock);
    } catch {
        // Someone else cleaned it up first.
    }
}

/** Takes the lock if it is free: true when taken, false when someone holds it (a stale holder is removed for the next try). */
function tryLock(path: string, lock: string, deadline: number, timeoutMs: number): boolean {
    try {
        const fd = openSync(lock, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
        writeSync(fd, String(process.pid));
        closeSync(fd);
        return true;
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
            throw new SecretsFileError('io', path, `Cannot lock the secrets file ${path} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`, {
                hint: 'Check that its directory exists and belongs to you.',
                cause: error,
            });
        }
        if (Date.now() > deadline) {
            const holder = holderOf(lock);
            throw new SecretsFileError(
                'locked',
                path,
                `${lock} stayed locked for ${timeoutMs / 1000} s${holder === undefined ? '' : ` by process ${holder}`}.`,
                {
                    hint: `Another pingone-connector process is saving secrets or renewing a token; if process ${holder ?? '(unknown)'} is stuck, stop it (a lock whose process has ended is removed by itself).`,
                },
            );
        }
        removeIfStale(lock);
        return false;
    }
}

/**
 * Runs `fn` holding `<path>.lock`, so that two processes changing the secrets file (two `connect`
 * commands, or a token rotation during another command) do not lose each other's change. It is
 * held only for one read-modify-write, never across a request, so waiting for it is short.
 */
export function withSecretsLock<T>(path: string, fn: () => T): T {
    const lock = `${path}.lock`;
    const deadline = Date.now() + fileTimeoutMs;
    while (!tryLock(path, lock, deadline, fileTimeoutMs)) Atomics.wait(pause, 0, 0, waitMs);
    try {
        return fn();
    } finally {
        unlinkSync(lock);
    }
}

/** The renewal lock of one connection, named by a hash: a connection name need not be a safe file name. */
export function renewalLockPath(path: string, connection: string): string {
    return `${path}.${createHash('sha256').update(connection).digest('hex').slice(0, 16)}.renewal.lock`;
}

/**
 * Runs `fn` holding the renewal lock of one connection's tokens across its awaits: a token refresh
 * reads the saved tokens, asks PingOne and saves the answer (under the file lock, briefly) with no
 * other process renewing the same tokens in between. Other connections, and other changes to the
 * file, go on meanwhile. Its `signal` aborts after 30 s, so a hung request cannot keep the next
 * renewal waiting; a holder that dies leaves a lock the next waiter removes. The wait starts over
 * whenever the lock changes hands, so a queue of slow renewals is not taken for a stuck one.
 */
export async function withRenewalLock<T>(path: string, connection: string, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const lock = renewalLockPath(path, connection);
    let holder = holderOf(lock);
    let deadline = Date.now() + renewalTimeoutMs;
    while (!tryLock(path, lock, deadline, renewalTimeoutMs)) {
        await sleep(waitMs);
        const now = holderOf(lock);
        if (now !== holder) {
            holder = now;
            deadline = Date.now() + renewalTimeoutMs;
        }
    }
    try {
        return await fn(AbortSignal.timeout(holdMs));
    } finally {
        unlinkSync(lock);
    }
}
