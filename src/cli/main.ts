import { ConnectorError } from '../errors/index.js';
import { redactText } from '../http/redact.js';
import type { CommandContext } from './command.js';
import { commands } from './commands/index.js';

const programName = 'pingone-connector';

function overview(): string {
    const width = Math.max(...Object.keys(commands).map((name) => name.length), 4);
    const lines = Object.entries(commands).map(([name, entry]) => `  ${name.padEnd(width)}  ${entry.summary}`);
    return [
        `Usage: ${programName} <command> [flags]`,
        '',
        'Commands:',
        ...lines,
        '',
        `Run \`${programName} <command> --help\` for a command's flags.`,
        '',
    ].join('\n');
}

export function defaultContext(): CommandContext {
    const controller = new AbortController();
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        // A typed reason: whatever was waiting on the signal (a sign-on callback, a request) rejects with it, and it prints as a message, not a stack.
        process.once(signal, () =>
            controller.abort(
                new ConnectorError('interrupted', `Stopped by ${signal}.`, { hint: 'Nothing half-done was saved; run the command again to carry on.' }),
            ),
        );
    }
    return {
        stdout: process.stdout,
        stderr: process.stderr,
        env: process.env,
        cwd: process.cwd(),
        isTTY: Boolean(process.stdout.isTTY),
        signal: controller.signal,
    };
}

/** The errors that are bad usage or input, by code: every one, or those with one of the reasons. */
const badInput: Record<string, 'every' | readonly string[]> = {
    usage: 'every',
    invalid_config: 'every',
    invalid_input: 'every',
    not_found: 'every',
    store_error: ['unknown_connection', 'invalid_cursor', 'invalid_argument'],
    // PINGONE_CONNECTOR_KEY missing or wrong for an encrypted secrets file.
    secrets_file_error: ['key_required', 'wrong_key'],
};

/** Bad usage or input (a flag, a config field, a name or cursor that does not exist, the key) is 2; a run or call that failed is 1. */
function exitCodeOf(error: ConnectorError): number {
    const reasons = badInput[error.code];
    const reason = String((error as ConnectorError & { reason?: unknown }).reason);
    return reasons === 'every' || reasons?.includes(reason) ? 2 : 1;
}

/** Runs one command line and resolves to the process exit code. */
export async function main(argv: string[], context: CommandContext = defaultContext()): Promise<number> {
    const [name, ...args] = argv;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
        context.stdout.write(overview());
        return name === undefined ? 2 : 0;
    }
    const entry = commands[name];
    if (entry === undefined) {
        context.stderr.write(`${programName}: unknown command "${name}".\n\n${overview()}`);
        return 2;
    }
    const command = await entry.load();
    if (args.includes('--help') || args.includes('-h')) {
        context.stdout.write(`${command.help.trimEnd()}\n`);
        return 0;
    }
    try {
        return await command.run(args, context);
    } catch (error) {
        if (error instanceof ConnectorError) {
            context.stderr.write(`${programName} ${name}: ${error.describe()}\n`);
            return exitCodeOf(error);
        }
        // Not an error we meant to throw: a bug. Its stack is what a report needs; redacted, as any text we print.
        const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
        context.stderr.write(
            `${programName} ${name}: internal error: ${redactText(detail)}\n  hint: This is a bug in ${programName}; please report it with the command you ran.\n`,
        );
        return 1;
    }
}
