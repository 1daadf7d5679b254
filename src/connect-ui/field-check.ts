import type { FormField } from './form-model.js';

// The page checks each field as the user types with the keywords the compiled schemas use for
// string fields (type, enum/oneOf-const, format uuid, pattern, minLength, maxLength, required),
// evaluated as ajv evaluates them. The server still runs the connector's own validator before it
// builds any URL; a test compares the two verdicts over hostile and ordinary inputs so the page can
// never accept what the server refuses. Messages are written for people, not for schema authors.

// ajv-formats' `uuid` (full mode), so that both sides agree on what "a UUID" is.
const uuidFormat = /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const uuidShape = [8, 4, 4, 4, 12];
const uuidLength = 36;

function allowedValues(field: FormField): string[] | undefined {
    return field.options?.map((option) => option.value);
}

function uuidProblem({ title, example, secret }: FormField, value: string): string {
    const like = `${title} is a UUID like ${example === undefined ? '0a1b2c3d-…' : `${example.slice(0, 9)}…`}`;
    if (value.trim() !== value) return `${like}; yours has spaces or line breaks around it.`;
    if (value.length !== uuidLength) return `${like}; yours has ${value.length} character${value.length === 1 ? '' : 's'}, a UUID has ${uuidLength}.`;
    const badCharacter = [...value].findIndex((character) => !/[0-9a-f-]/i.test(character));
    if (badCharacter >= 0) {
        // A secret's characters are never echoed, not even one.
        const shown = secret ? '' : ` ("${value[badCharacter]}")`;
        return `${like}; character ${badCharacter + 1}${shown} is not a hexadecimal digit (0-9, a-f) or a dash.`;
    }
    const groups = value.split('-').map((group) => group.length);
    return `${like}: five groups of ${uuidShape.join('-')} hexadecimal digits; yours has groups of ${groups.join('-')}.`;
}

/** Returns a plain-words problem with `value` for this field, or undefined when the server will accept it. */
export function checkField(field: FormField, value: string): string | undefined {
    const { schema, title } = field;
    if (value === '') return field.required ? `${title} is required.` : undefined;
    const values = allowedValues(field);
    if (values !== undefined && !values.includes(value)) {
        return `${title} must be one of ${field.options!.map((option) => option.label).join(', ')}.`;
    }
    const isUuid = schema['format'] === 'uuid';
    if (isUuid && !uuidFormat.test(value)) return uuidProblem(field, value);
    const pattern = typeof schema['pattern'] === 'string' ? new RegExp(schema['pattern'], 'u') : undefined;
    if (pattern !== undefined && !pattern.test(value)) {
        if (isUuid)
            return `${title} is a UUID written as five groups of hexadecimal digits with dashes, e.g. ${field.example ?? '0a1b2c3d-0000-4000-8000-000000000000'}.`;
        if (pattern.test(value.trim())) return `${title} has spaces or line breaks around it; remove them.`;
        if (pattern.test(value.replace(/\s/gu, ''))) return `${title} cannot contain spaces or line breaks.`;
        return `${title} does not have the expected form${field.example === undefined || field.secret ? '' : `; it looks like ${field.example}`}.`;
    }
    const minLength = schema['minLength'];
    if (typeof minLength === 'number' && [...value].length < minLength) return `${title} must be at least ${minLength} characters long.`;
    const maxLength = schema['maxLength'];
    if (typeof maxLength === 'number' && [...value].length > maxLength) return `${title} must be at most ${maxLength} characters long.`;
    return undefined;
}
