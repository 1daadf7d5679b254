import type { ZodType } from 'zod';
import { InvalidRecordError } from '../errors/index.js';

/**
 * Checks one value against a script's zod schema. The value itself is kept as the script gave
 * it (Nango validates records but stores what was sent); the parse only decides pass or fail.
 * `what` names the model, or `input` / `output` for an action.
 */
export function validateAgainst(schema: ZodType | undefined, value: unknown, what: string, index?: number): void {
    if (schema === undefined) return;
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

/** Nango's rule for checkpoints: a flat object of strings, numbers and booleans, matching the script's schema. */
export function validateCheckpoint(schema: ZodType | undefined, checkpoint: unknown): Record<string, unknown> {
    const flat =
        typeof checkpoint === 'object' &&
        checkpoint !== null &&
        !Array.isArray(checkpoint) &&
        Object.values(checkpoint).every((value) => ['string', 'number', 'boolean'].includes(typeof value));
    if (!flat) {
        throw new InvalidRecordError('checkpoint', '', 'A checkpoint must be a flat object of strings, numbers and booleans.', {
            hint: 'Save only scalar values, e.g. { cursor: "...", page: 3 }.',
        });
    }
    validateAgainst(schema, checkpoint, 'checkpoint');
    return checkpoint as Record<string, unknown>;
}
