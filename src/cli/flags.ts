import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors/index.js';

type Options = NonNullable<ParseArgsConfig['options']>;
/** Spelled out so that declaration files can name it (node's option types are not exported). */
type ParsedFlags<T extends Options> = ReturnType<
    typeof parseArgs<{ args: string[]; options: T & { help: { type: 'boolean' } }; allowPositionals: true; strict: true }>
>;

/**
 * node:util parseArgs, with its errors turned into UsageError (exit 2) that name the flag
 * and point at `--help`.
 */
export function parseFlags<T extends Options>(command: string, args: string[], options: T): ParsedFlags<T> {
    try {
        return parseArgs({ args, options: { ...options, help: { type: 'boolean' } }, allowPositionals: true, strict: true });
    } catch (error) {
        const raw = error instanceof Error ? error.message : String(error);
        const flag = /'(-{1,2}[\w-]+)/.exec(raw)?.[1];
        const known = Object.keys(options)
            .map((name) => `--${name}`)
            .join(', ');
        // node's own wording for an unknown flag goes on about positionals after `--`; say what matters here.
        const message =
            (error as { code?: unknown }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && flag !== undefined
                ? `Unknown flag ${flag}; ${command} takes ${known}, --help.`
                : `${raw.replace(/\.?$/, '')}.`;
        throw new UsageError(message, {
            ...(flag === undefined ? {} : { flag }),
            hint: `Run \`npx pingone-connector ${command} --help\` for the accepted flags.`,
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

/** `--config <field>=<value>` pairs (a repeatable flag) as an object; a pair without `=` is a usage error. */
export function configFlags(command: string, pairs: readonly string[]): Record<string, string> {
    return Object.fromEntries(
        pairs.map((pair) => {
            const at = pair.indexOf('=');
            if (at <= 0) throw new UsageError(`${command}: --config takes <field>=<value>; got "${pair}".`, { flag: '--config' });
            return [pair.slice(0, at), pair.slice(at + 1)];
        }),
    );
}
