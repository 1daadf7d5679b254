import { closeSync, constants, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { SecretsFileError } from '../errors/secrets-file-error.js';
import { processExists } from './process-exists.js';

const waitMs = 25;
/** The longest a token refresh may hold the lock: its request is aborted then. */
const holdMs = 30_000;
// A waiter outlasts the longest hold, so that a slow refresh elsewhere is not mistaken for a stuck lock.
const timeoutMs = holdMs + 10_000;
const pause = new Int32Array(new SharedArrayBuffer(4));
/** Locks this process holds across awaits (a token refresh), by lock path. */
const heldHere = new Set<string>();

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

/** Takes the lock if it is free: true when taken, false when someone holds it (a stale holder is removed for the next try). */
function tryLock(path: string, lock: string, deadline: number): boolean {
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
            throw new SecretsFileError('locked', path, `The secrets file ${path} stayed locked for ${timeoutMs / 1000} s.`, {
                hint: `Another pingone-connector process is saving secrets; if none is running, remove ${lock}.`,
            });
        }
        removeIfStale(lock);
        return false;
    }
}

/**
 * Runs `fn` holding `<path>.lock`, so that two processes changing the secrets file (two `connect`
 * commands, or a token rotation during another command) do not lose each other's change.
 */
export function withSecretsLock<T>(path: string, fn: () => T): T {
    const lock = `${path}.lock`;
    // Held by this process across a token refresh: `fn` runs whole before that refresh goes on,
    // and other processes are kept out all the same. Waiting here would block the refresh forever.
    if (heldHere.has(lock)) return fn();
    const deadline = Date.now() + timeoutMs;
    while (!tryLock(path, lock, deadline)) Atomics.wait(pause, 0, 0, waitMs);
    try {
        return fn();
    } finally {
        unlinkSync(lock);
    }
}

/**
 * Runs `fn` holding `<path>.lock` across its awaits: a token refresh reads the saved tokens,
 * asks PingOne and saves the answer with no other process in between. Its `signal` aborts after
 * 30 s, so a hung request cannot keep everyone else waiting; a holder that dies leaves a lock the
 * next waiter removes.
 */
export async function withSecretsLockHeld<T>(path: string, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const lock = `${path}.lock`;
    const deadline = Date.now() + timeoutMs;
    while (!tryLock(path, lock, deadline)) await sleep(waitMs);
    heldHere.add(lock);
    try {
        return await fn(AbortSignal.timeout(holdMs));
    } finally {
        heldHere.delete(lock);
        unlinkSync(lock);
    }
}
