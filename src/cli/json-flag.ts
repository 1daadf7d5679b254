import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors/index.js';

/** The longest JSON text a flag takes (the harness bounds the parsed input again, field by field). */
export const MAX_JSON_FLAG_BYTES = 1024 * 1024;

/**
 * A flag's JSON value, given inline or as `@path/to/file.json`. Errors name the flag or the file
 * and, for bad JSON, the position only: never a line of the text, which may be a file the caller
 * did not mean to show (or a password).
 */
export async function readJsonFlag(flag: string, text: string, cwd: string, hint: string): Promise<unknown> {
    const file = text.startsWith('@') ? path.resolve(cwd, text.slice(1)) : undefined;
    const where = file ?? flag;
    const source = file === undefined ? text : await readBoundedFile(flag, file);
    if (Buffer.byteLength(source) > MAX_JSON_FLAG_BYTES) throw tooLarge(flag, where);
    try {
        return JSON.parse(source) as unknown;
    } catch (error) {
        throw new UsageError(`${where} is not valid JSON (${whereItBroke(error as Error)}).`, { flag, hint });
    }
}

async function readBoundedFile(flag: string, file: string): Promise<string> {
    let handle;
    try {
        // O_NONBLOCK: a FIFO named by mistake is refused below instead of waiting for a writer.
        handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
        const stats = await handle.stat();
        if (!stats.isFile()) throw new UsageError(`${flag} @${file}: not a regular file.`, { flag });
        if (stats.size > MAX_JSON_FLAG_BYTES) throw tooLarge(flag, file);
        return await handle.readFile('utf8');
    } catch (error) {
        if (error instanceof UsageError) throw error;
        throw new UsageError(`${flag} @${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'}).`, { flag });
    } finally {
        await handle?.close();
    }
}

function tooLarge(flag: string, where: string): UsageError {
    return new UsageError(`${where} is larger than ${MAX_JSON_FLAG_BYTES / 1024 / 1024} MB of JSON.`, { flag });
}

/** V8's JSON.parse messages quote the text around the fault; only its position (when given) is kept. */
function whereItBroke(error: Error): string {
    const position = /at position (\d+)/.exec(error.message)?.[1];
    if (position !== undefined) return `at character ${position}`;
    return /end of JSON input/.test(error.message) ? 'it ends too early' : 'an unexpected character';
}
