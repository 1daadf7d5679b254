import type { ZodType } from 'zod';
import { InvalidRecordError } from '../errors/index.js';
import { unstorableCheckpointField } from '../store/index.js';
import { surelyValid } from './surely-valid.js';

/**
 * Checks one value against a script's zod schema. The value itself is kept as the script gave
 * it (Nango validates records but stores what was sent); the parse only decides pass or fail.
 * `what` names the model, or `output` for an action (inputs go through parse-input.ts).
 */
export function validateAgainst(schema: ZodType | undefined, value: unknown, what: string, index?: number): void {
    // Zod itself decides (and words the error) whatever the quick check cannot vouch for.
    if (schema === undefined || surelyValid(schema, value)) return;
    const result = schema.safeParse(value);
    if (result.success) return;
    const issue = result.error.issues[0];
    const where = issue?.path.map(String).join('.') ?? '';
    const id = recordId(value);
    const which = index === undefined ? what : `${what} record ${index}${id === undefined ? '' : ` (id ${id})`}`;
    throw new InvalidRecordError(what, where, `${which} is invalid${where ? ` at ${where}` : ''}: ${issue?.message ?? 'does not match the schema'}.`, {
        hint:
            index === undefined
                ? `Fix the ${what} to match the script's zod schema.`
                : `The script's mapping produced a ${what} its model refuses; fix the mapping or the model.`,
    });
}

function recordId(value: unknown): string | undefined {
    if (typeof value !== 'object' || value === null) return undefined;
    const id = (value as { id?: unknown }).id;
    return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

/**
 * Nango's rule for checkpoints (a flat object of strings, finite numbers and booleans, matching the
 * script's schema), checked when the script saves one, so that a checkpoint the store would refuse
 * never sits beside the records it is to commit with.
 */
export function validateCheckpoint(schema: ZodType | undefined, checkpoint: unknown): Record<string, unknown> {
    const object = typeof checkpoint === 'object' && checkpoint !== null && !Array.isArray(checkpoint);
    const field = object ? unstorableCheckpointField(checkpoint) : undefined;
    if (!object || field !== undefined) {
        const which = field === undefined ? '' : `; its field \`${field}\` is not`;
        throw new InvalidRecordError('checkpoint', field ?? '', `A checkpoint must be a flat object of strings, finite numbers and booleans${which}.`, {
            hint: 'Save only scalar values, e.g. { cursor: "...", page: 3 }.',
        });
    }
    validateAgainst(schema, checkpoint, 'checkpoint');
    return checkpoint as Record<string, unknown>;
}
