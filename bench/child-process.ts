// Children of the bench run TypeScript through tsx, like the bench itself, and talk over IPC.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const tsxLoader = import.meta.resolve('tsx');

/** Starts `bench/<file>` in a new Node process with an IPC channel; stdout and stderr go to ours. */
export function forkBenchChild(file: string, args: string[], options: { nodeArgs?: string[]; env?: NodeJS.ProcessEnv } = {}): ChildProcess {
    const path = fileURLToPath(new URL(file, import.meta.url));
    return fork(path, args, {
        execArgv: ['--import', tsxLoader, ...(options.nodeArgs ?? [])],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        env: options.env ?? process.env,
    });
}

/** The first message of a child that matches, or a rejection when it exits (or fails) before sending one. */
export function messageFrom<T>(child: ChildProcess, accept: (message: unknown) => message is T): Promise<T> {
    return new Promise((resolve, reject) => {
        const onMessage = (message: unknown) => {
            if (!accept(message)) return;
            cleanup();
            resolve(message);
        };
        const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
            cleanup();
            reject(new Error(`bench child ${child.spawnfile} exited (${signal ?? `code ${code}`}) before it reported.`));
        };
        const onError = (error: Error) => {
            cleanup();
            reject(error);
        };
        const cleanup = () => {
            child.off('message', onMessage);
            child.off('exit', onExit);
            child.off('error', onError);
        };
        child.on('message', onMessage);
        child.on('exit', onExit);
        child.on('error', onError);
    });
}

/** Resolves when the child has exited; one that has not within `graceMs` is killed, so that the bench never hangs on it. */
export function exited(child: ChildProcess, graceMs = 10_000): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        child.once('exit', () => {
            clearTimeout(timer);
            resolve();
        });
    });
}
