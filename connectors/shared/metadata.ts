// Connection metadata that tunes a script, validated: a wrong value is an error naming the field,
// never silently replaced by a default.
import type { NangoAction } from 'nango';
import type * as z from 'zod';

import { fail } from './errors.js';

export async function readMetadata<T extends z.ZodObject>(nango: Pick<NangoAction, 'getMetadata' | 'ActionError'>, schema: T): Promise<z.infer<T>> {
    const parsed = schema.safeParse((await nango.getMetadata()) ?? {});
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue?.path.join('.') ?? '';
        throw fail(nango, {
            code: 'invalid_metadata',
            message: `Connection metadata field "${field}" is invalid: ${issue?.message ?? 'unexpected value'}.`,
            field,
        });
    }
    return parsed.data;
}
