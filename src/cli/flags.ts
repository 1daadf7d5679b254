import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors/index.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * node:util parseArgs, with its errors turned into UsageError (exit 2) that name the flag
 * and point at `--help`.
 */
export function parseFlags<T extends Options>(command: string, args: string[], options: T) {
    try {
        return parseArgs({ args, options: { ...options, help: { type: 'boolean' } }, allowPositionals: true, strict: true });
    } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const flag = /'(-{1,2}[\w-]+)/.exec(message)?.[1];
        throw new UsageError(`${command}: ${message}`, {
            ...(flag === undefined ? {} : { flag }),
            hint: `Run \`pingone-connector ${command} --help\` for the accepted flags.`,
        });
    }
}

/** Parses an integer flag, refusing anything that is not a whole number in range. */
export function integerFlag(flag: string, value: string | undefined, range: { min: number; max: number }): number | undefined {
    if (value === undefined) return undefined;
    const parsed = Number(value);
    if (!/^\d+$/.test(value) || parsed < range.min || parsed > range.max) {
        throw new UsageError(`--${flag} must be a whole number from ${range.min} to ${range.max}; got "${value}".`, { flag: `--${flag}` });
    }
    return parsed;
}
