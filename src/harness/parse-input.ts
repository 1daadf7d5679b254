import type { ZodType } from 'zod';
import { InvalidInputError, type InputProblem } from '../errors/index.js';

/** The largest input an action takes, counted in characters of its strings and keys (a PingOne user profile is at most 16 KB). */
export const MAX_INPUT_CHARS = 256 * 1024;
/** The deepest nesting of objects and arrays an input may have. */
export const MAX_INPUT_DEPTH = 32;
/** Longer key names are cut in messages: an error names the key, it does not replay the input. */
const KEY_SHOWN = 64;

/**
 * Checks an action's input against its bounds, then its zod schema, and returns the schema's parsed
 * output: what the script receives. Every problem is reported at once, each with its path; the
 * bounds come first, walked without recursion, so that no deep or huge input reaches zod.
 */
export function parseInput(schema: ZodType | undefined, input: unknown, hint = ACTION_INPUT_HINT): unknown {
    const invalid = (problems: InputProblem[]) => new InvalidInputError(problems, { hint });
    const outOfBounds = boundsProblem(input);
    if (outOfBounds !== undefined) throw invalid([outOfBounds]);
    if (schema === undefined) return input;
    const result = schema.safeParse(input);
    if (result.success) return result.data;
    throw invalid(
        result.error.issues.flatMap((issue): InputProblem[] => {
            const path = inputPath(issue.path);
            if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ path, message: `unknown key ${JSON.stringify(shown(key))}` }));
            return [{ path, message: issue.message }];
        }),
    );
}

const ACTION_INPUT_HINT = "Fix every field named above (the action's input schema lists the fields it takes); nothing was sent.";

function boundsProblem(input: unknown): InputProblem | undefined {
    const tooLarge = { path: 'input', message: `larger than ${MAX_INPUT_CHARS / 1024} KB` };
    let chars = 0;
    const pending: { value: unknown; depth: number }[] = [{ value: input, depth: 0 }];
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
        const { value, depth } = next;
        chars += typeof value === 'string' ? value.length : 1;
        if (chars > MAX_INPUT_CHARS) return tooLarge;
        if (typeof value !== 'object' || value === null) continue;
        if (depth >= MAX_INPUT_DEPTH) return { path: 'input', message: `nested deeper than ${MAX_INPUT_DEPTH} levels` };
        for (const key in value) {
            chars += key.length;
            if (chars > MAX_INPUT_CHARS) return tooLarge;
            pending.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1 });
        }
    }
    return undefined;
}

function inputPath(path: readonly PropertyKey[]): string {
    return path.reduce<string>((joined, key) => (typeof key === 'number' ? `${joined}[${key}]` : `${joined}.${shown(String(key))}`), 'input');
}

function shown(key: string): string {
    return key.length > KEY_SHOWN ? `${key.slice(0, KEY_SHOWN)}…` : key;
}
