// The quick record check never vouches for a value zod refuses, and vouches for the records the
// syncs save, so that zod's own parse (which copies every record) runs only when one is invalid.
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { Group, User } from '../../connectors/shared/models.js';
import { surelyValid } from '../../src/harness/surely-valid.js';

class Instance {
    a = 'x';
}

const symbolKeyed = { a: 'x', [Symbol('s')]: 1 };
const nullPrototype = Object.assign(Object.create(null) as Record<string, unknown>, { a: 'x' });
const values: unknown[] = [
    undefined,
    null,
    '',
    'x',
    0,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    true,
    [],
    ['x', 'y'],
    ['x', 1],
    [undefined],
    // A hole: zod reads it as undefined.
    // eslint-disable-next-line no-sparse-arrays
    ['x', , 'y'],
    {},
    { a: 'x' },
    { a: 'x', extra: 1 },
    { a: undefined },
    { a: null },
    { a: 1 },
    { a: ['x'] },
    { a: { b: 'x' } },
    symbolKeyed,
    nullPrototype,
    new Instance(),
    new Date(0),
];

const schemas: Record<string, z.ZodType> = {
    string: z.string(),
    'string min 1': z.string().min(1),
    email: z.email(),
    number: z.number(),
    int: z.int(),
    boolean: z.boolean(),
    enum: z.enum(['x', 'y']),
    literal: z.literal('x'),
    'array of strings': z.array(z.string()),
    'array min 1': z.array(z.string()).min(1),
    'optional string': z.string().optional(),
    'nullable string': z.string().nullable(),
    'record of unknown': z.record(z.string(), z.unknown()),
    'record of strings': z.record(z.string(), z.string()),
    'record with enum keys': z.record(z.enum(['a']), z.string()),
    object: z.object({ a: z.string() }),
    'object, optional field': z.object({ a: z.string().optional() }),
    'object, unknown field': z.object({ a: z.unknown() }),
    'object, nested': z.object({ a: z.object({ b: z.string() }).optional() }),
    'loose object': z.looseObject({ a: z.string() }),
    'strict object': z.strictObject({ a: z.string() }),
    'refined object': z.object({ a: z.string() }).refine((value) => value.a !== 'x'),
    default: z.string().default('x'),
    transform: z.string().transform((value) => value.length),
    union: z.union([z.string(), z.number()]),
};

describe('the quick record check', () => {
    it('never vouches for a value zod refuses, whatever the schema and the value', () => {
        for (const [name, schema] of Object.entries(schemas)) {
            for (const value of values) {
                if (surelyValid(schema, value)) {
                    expect({ schema: name, value, accepted: schema.safeParse(value).success }).toEqual({ schema: name, value, accepted: true });
                }
            }
        }
    });

    it('leaves schemas with checks, formats, refinements, defaults, transforms, unions or strict objects to zod', () => {
        const leftToZod = [
            'string min 1',
            'email',
            'int',
            'array min 1',
            'record with enum keys',
            'strict object',
            'refined object',
            'default',
            'transform',
            'union',
        ];
        for (const name of leftToZod) {
            expect(values.filter((value) => surelyValid(schemas[name] as z.ZodType, value))).toEqual([]);
        }
    });

    it('vouches for valid records of the models, with their optional fields absent or present', () => {
        const user = {
            id: 'u1',
            username: 'ada',
            enabled: true,
            name: { given: 'Ada', family: 'Lovelace' },
            address: { countryCode: 'GB' },
            customAttributes: { badge: 7, tags: ['a'], nested: { deep: null } },
        };
        expect(surelyValid(User, user)).toBe(true);
        expect(surelyValid(User, { id: 'u2' })).toBe(true);
        expect(surelyValid(Group, { id: 'g1', name: 'Admins' })).toBe(true);
        // What zod refuses is left to zod, which then words the error.
        expect(surelyValid(User, { ...user, enabled: 'yes' })).toBe(false);
        expect(surelyValid(User, { ...user, name: null })).toBe(false);
        expect(surelyValid(User, { username: 'no id' })).toBe(false);
        expect(User.safeParse({ ...user, enabled: 'yes' }).success).toBe(false);
    });

    it('leaves a schema that is not zod 4 (a script may bring its own zod) to its own safeParse', () => {
        const foreign = { safeParse: () => ({ success: true, data: {} }) } as unknown as z.ZodType;
        expect(surelyValid(foreign, { id: 'x' })).toBe(false);
    });
});
