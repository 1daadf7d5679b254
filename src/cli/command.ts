import type { Writable } from 'node:stream';

/** What a command may touch: passed in so that tests can run commands in-process. */
export interface CommandContext {
    stdout: Writable;
    stderr: Writable;
    env: NodeJS.ProcessEnv;
    cwd: string;
    /** True when stdout is a terminal: progress is shown only then. */
    isTTY: boolean;
    /** Aborted on SIGINT/SIGTERM; long-running commands stop when it fires. */
    signal: AbortSignal;
}

export interface Command {
    name: string;
    /** The full `--help` text. */
    help: string;
    /** A `--help` that depends on the arguments (`sync users --help`); `help` when absent. */
    helpFor?(args: string[]): Promise<string>;
    /** Resolves to the exit code: 0 success, 1 the run failed, 2 bad usage or input. */
    run(args: string[], context: CommandContext): Promise<number>;
}
