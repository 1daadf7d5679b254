import type { ZodType } from 'zod';

/**
 * A pass/fail check of a value against a zod schema that builds nothing, for the shapes models are
 * made of (objects, strings, booleans, finite numbers, enums, literals, arrays, records of unknown,
 * optional and nullable). `true` means zod would accept the value; `false` means "ask zod", which
 * then decides, and words the error. A schema with anything else in it (a check, a format, a
 * refinement, a default, a transform, a strict object) is always left to zod. Zod's own parse copies
 * every record it accepts, and a full sync throws each copy away at once: this answers the same
 * question for a fraction of the CPU and garbage.
 */
export function surelyValid(schema: ZodType, value: unknown): boolean {
    let check = compiled.get(schema);
    if (check === undefined) {
        check = compile(schema) ?? askZod;
        compiled.set(schema, check);
    }
    return check(value);
}

type Check = (value: unknown) => boolean;

const compiled = new WeakMap<ZodType, Check>();
const askZod: Check = () => false;
const anything: Check = () => true;

/** What this file reads of a schema's definition (zod 4's `_zod.def`). */
interface Definition {
    type: string;
    checks?: unknown[];
    check?: unknown;
    format?: unknown;
    coerce?: unknown;
    innerType?: ZodType;
    element?: ZodType;
    keyType?: ZodType;
    valueType?: ZodType;
    shape?: Record<string, ZodType>;
    catchall?: ZodType;
}

/** Undefined for a schema of another zod than 4 (a script's own dependency): zod decides those. */
const definitionOf = (schema: ZodType): Definition | undefined => (schema as unknown as { _zod?: { def?: Definition } })._zod?.def;

/** No checks, formats, coercion or refinements: the node's type alone decides. */
function isBare(definition: Definition): boolean {
    return (definition.checks?.length ?? 0) === 0 && definition.check === undefined && definition.format === undefined && definition.coerce === undefined;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An object literal (or JSON): what zod's record accepts, and then some it leaves to zod. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
    return isObject(value) && Object.getPrototypeOf(value) === Object.prototype && (value.constructor === Object || typeof value.constructor !== 'function');
}

/** The check of one schema node, or undefined when zod must decide. */
function compile(schema: ZodType): Check | undefined {
    const definition = definitionOf(schema);
    if (definition === undefined || !isBare(definition)) return undefined;
    switch (definition.type) {
        case 'string':
            return (value) => typeof value === 'string';
        case 'boolean':
            return (value) => typeof value === 'boolean';
        case 'number':
            return (value) => typeof value === 'number' && Number.isFinite(value);
        case 'unknown':
        case 'any':
            return anything;
        case 'enum':
        case 'literal': {
            // The very set zod's own parse looks the value up in.
            const allowed = (schema as unknown as { _zod: { values?: ReadonlySet<unknown> } })._zod.values;
            return allowed && ((value) => allowed.has(value));
        }
        case 'optional':
        case 'nullable':
            return orAbsent(definition, definition.type === 'optional' ? undefined : null);
        case 'array':
            return arrayOf(definition.element);
        case 'record':
            return recordOf(definition);
        case 'object':
            return objectOf(definition);
        default:
            return undefined;
    }
}

function orAbsent(definition: Definition, absent: undefined | null): Check | undefined {
    const inner = definition.innerType && compile(definition.innerType);
    return inner && ((value) => value === absent || inner(value));
}

function arrayOf(element: ZodType | undefined): Check | undefined {
    const each = element && compile(element);
    return (
        each &&
        ((value) => {
            if (!Array.isArray(value)) return false;
            // By index, as zod reads it: a hole is an undefined item (every() would skip it).
            for (let index = 0; index < value.length; index++) if (!each(value[index])) return false;
            return true;
        })
    );
}

/** `z.record(z.string(), value)`: a plain object whose own keys are all strings, each value passing. */
function recordOf(definition: Definition): Check | undefined {
    const key = definition.keyType && definitionOf(definition.keyType);
    const each = definition.valueType && compile(definition.valueType);
    if (key === undefined || key.type !== 'string' || !isBare(key) || each === undefined) return undefined;
    return (value) => {
        if (!isPlainObject(value)) return false;
        for (const name of Reflect.ownKeys(value)) {
            if (typeof name !== 'string' || !each(value[name])) return false;
        }
        return true;
    };
}

/** `z.object(shape)` (stripping unknown keys) or `z.looseObject(shape)`: every field of the shape passes; absent only where optional. */
function objectOf(definition: Definition): Check | undefined {
    const catchall = definition.catchall && definitionOf(definition.catchall);
    if (definition.catchall !== undefined && !(catchall !== undefined && ['unknown', 'any'].includes(catchall.type) && isBare(catchall))) return undefined;
    const fields: { name: string; check: Check; optional: boolean }[] = [];
    for (const [name, field] of Object.entries(definition.shape ?? {})) {
        const check = compile(field);
        if (check === undefined) return undefined;
        fields.push({ name, check, optional: ['optional', 'unknown', 'any'].includes(definitionOf(field)?.type ?? '') });
    }
    return (value) => {
        if (!isObject(value)) return false;
        for (const { name, check, optional } of fields) {
            const field = value[name];
            if (field === undefined ? !optional : !check(field)) return false;
        }
        return true;
    };
}
