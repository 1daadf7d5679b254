import { InvalidConfigError } from '../errors/index.js';
import type { FieldDefinition } from './provider-definition.js';
import type { StandaloneValidator, ValidationIssue } from './standalone-validator.js';

/** Which object is being checked: it names the fields in messages and decides whether values may be shown. */
export interface FieldGroup {
    /** `connection config` or `credentials`. */
    name: string;
    fields: Readonly<Record<string, FieldDefinition>>;
    /** The setup guide; a field's hint points at its section. */
    guideUrl: string;
    /** Credentials: values are never echoed, not even a wrong one. */
    secretValues: boolean;
}

/**
 * Runs a compiled validator and turns its first issue into an InvalidConfigError naming the field,
 * saying what is wrong in plain words and where the guide explains the value.
 */
export function checkFields<T>(input: unknown, validate: StandaloneValidator, group: FieldGroup): T {
    // Only own properties count (an inherited `tld` is not a value the caller gave), and the copy
    // that was checked is the one returned, so later changes to the caller's object cannot slip in.
    const own = typeof input === 'object' && input !== null && !Array.isArray(input) ? Object.fromEntries(Object.entries(input)) : input;
    if (validate(own)) return own as T;
    const issue = validate.errors?.[0];
    if (issue === undefined) throw new InvalidConfigError('', `The ${group.name} is not valid.`);
    throw describeIssue(issue, own, group);
}

function describeIssue(issue: ValidationIssue, input: unknown, group: FieldGroup): InvalidConfigError {
    const names = Object.keys(group.fields);
    if (issue.keyword === 'type' && issue.instancePath === '') {
        return new InvalidConfigError('', `The ${group.name} must be an object with the fields ${names.join(', ')}.`);
    }
    if (issue.keyword === 'additionalProperties') {
        const extra = String(issue.params['additionalProperty']);
        return new InvalidConfigError(extra, `The ${group.name} has an unknown field "${extra}".`, {
            hint: `The ${group.name} fields are ${names.join(', ')} (names are case-sensitive).`,
        });
    }
    const field = issue.keyword === 'required' ? String(issue.params['missingProperty']) : decodePointer(issue.instancePath);
    const definition = group.fields[field];
    const label = definition === undefined ? field : `${definition.title} (${field})`;
    const hint = definition === undefined ? undefined : hintFor(definition, group.guideUrl);
    if (issue.keyword === 'required') {
        return new InvalidConfigError(field, `${label} is required in the ${group.name}.`, hint === undefined ? {} : { hint });
    }
    const value = (input as Record<string, unknown>)[field];
    const shown = group.secretValues ? '' : ` ${showValue(value)}`;
    const why =
        issue.keyword === 'type'
            ? 'is not a string'
            : issue.keyword === 'enum'
              ? `is not one of ${(definition?.enum ?? []).join(', ')}`
              : definition?.format === 'uuid'
                ? 'is not a UUID (8-4-4-4-12 hexadecimal digits with hyphens, nothing before or after)'
                : 'is not valid';
    return new InvalidConfigError(field, `${label}${shown} ${why}.`, hint === undefined ? {} : { hint });
}

function hintFor(definition: FieldDefinition, guideUrl: string): string {
    const example = definition.example === undefined ? '' : ` For example: ${definition.example}.`;
    const allowed = definition.enum === undefined ? '' : ` Allowed: ${definition.enum.join(', ')}.`;
    return `${definition.description.replace(/\.?$/, '.')}${allowed}${example} See ${guideUrl}${definition.doc_section}`;
}

/** Quoted and escaped, so that a newline, a space or a look-alike character is visible; long values are cut. */
function showValue(value: unknown): string {
    const text = JSON.stringify(typeof value === 'string' ? value : (value ?? null)) ?? String(value);
    const escaped = text.replace(/[^\x20-\x7e]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return escaped.length > 80 ? `${escaped.slice(0, 77)}...` : escaped;
}

function decodePointer(pointer: string): string {
    return pointer.split('/')[1]?.replace(/~1/g, '/').replace(/~0/g, '~') ?? '';
}
