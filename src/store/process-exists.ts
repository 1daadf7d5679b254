import { readFileSync } from 'node:fs';

/** Whether a process with this id exists on this machine (EPERM: it does, as another user's). */
export function processExists(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch (error) {
        return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
}

/** When a process started, in clock ticks since boot (Linux's /proc), or undefined where that cannot be read. */
export function processStartTime(pid: number): string | undefined {
    try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        // Fields after the command name, which may hold spaces and parentheses: state is field 3, start time field 22.
        return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    } catch {
        return undefined;
    }
}

/**
 * Whether the process that had `pid` still runs. Its start time, when it was recorded and can be read
 * now, tells it from another process that was given the same pid since.
 */
export function processStillRuns(pid: number, startedAt: string | null): boolean {
    if (!processExists(pid)) return false;
    const now = startedAt === null ? undefined : processStartTime(pid);
    return now === undefined || now === startedAt;
}
