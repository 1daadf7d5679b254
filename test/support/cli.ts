import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.js';

export interface CliResult {
    code: number;
    stdout: string;
    stderr: string;
}

/** Runs the CLI in-process with captured output. */
export async function runCli(
    argv: string[],
    options: { env?: NodeJS.ProcessEnv; cwd?: string; signal?: AbortSignal; isTTY?: boolean; onStderr?: (textSoFar: string) => void } = {},
): Promise<CliResult> {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const chunks = { stdout: [] as Buffer[], stderr: [] as Buffer[] };
    stdout.on('data', (chunk: Buffer) => chunks.stdout.push(chunk));
    stderr.on('data', (chunk: Buffer) => {
        chunks.stderr.push(chunk);
        options.onStderr?.(Buffer.concat(chunks.stderr).toString('utf8'));
    });
    const code = await main(argv, {
        stdout,
        stderr,
        env: options.env ?? { ...process.env },
        cwd: options.cwd ?? process.cwd(),
        isTTY: options.isTTY ?? false,
        signal: options.signal ?? new AbortController().signal,
    });
    return { code, stdout: Buffer.concat(chunks.stdout).toString('utf8'), stderr: Buffer.concat(chunks.stderr).toString('utf8') };
}
