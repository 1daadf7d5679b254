// The harness reads a large JSON answer in parts (src/harness/json-in-parts.ts): it must give exactly
// what JSON.parse gives, key order included, or nothing (then the whole text is parsed as before).
// It must never accept as JSON what JSON.parse refuses.
import { describe, expect, it } from 'vitest';
import { parseJsonInParts } from '../../src/harness/json-in-parts.js';

const tricky = [
    'plain',
    'a "quoted" word',
    'back\\slash',
    'ends with a backslash \\',
    'escaped \\" quote and \\\\',
    '[brackets], {braces}, commas,',
    'Ingénieure 日本 🚀',
    '\u0000 and \u001f control',
];

function user(index: number): Record<string, unknown> {
    return {
        _links: { self: { href: `https://api.pingone.com/v1/environments/e/users/${index}` } },
        id: `user-${index}`,
        username: tricky[index % tricky.length],
        name: { given: tricky[(index + 3) % tricky.length], family: `F${index}` },
        enabled: index % 2 === 0,
        memberOfGroupIDs: [`g${index}`, `h${index}`],
        nested: [[1, [2, { three: [3e-7, -0.5, 1e21] }]], []],
        nothing: null,
    };
}

function page(users: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        _links: { self: { href: 'https://api.pingone.com/v1/environments/e/users?limit=200' }, next: { href: 'https://x/next?cursor=a,b' } },
        _embedded: { users: Array.from({ length: users }, (_, index) => user(index)) },
        ...extra,
        count: users,
        size: users,
    };
}

const bytesOf = (text: string) => Buffer.from(text, 'utf8');

describe('a large JSON answer read in parts', () => {
    it('gives what JSON.parse gives for a page of users with strings that look like structure', () => {
        for (const text of [JSON.stringify(page(300)), JSON.stringify(page(50), null, 2), `\n ${JSON.stringify(page(3))}\t`]) {
            const parsed = parseJsonInParts(bytesOf(text));
            expect(parsed).toEqual(JSON.parse(text));
            expect(JSON.stringify(parsed)).toBe(JSON.stringify(JSON.parse(text)));
        }
    });

    it('splits the largest array wherever it is: at the top, or inside an element', () => {
        const topLevel = JSON.stringify([1, 'two', { three: [3] }, [4, 5], null]);
        expect(parseJsonInParts(bytesOf(topLevel))).toEqual(JSON.parse(topLevel));
        const inside = JSON.stringify({ small: [1, 2], big: { deeper: [{ list: Array.from({ length: 40 }, (_, index) => `item ${index}`) }, { other: 1 }] } });
        expect(JSON.stringify(parseJsonInParts(bytesOf(inside)))).toBe(inside);
    });

    it('keeps a key named __proto__ as an own property, as JSON.parse does', () => {
        const text = '{"__proto__":[{"a":1},{"b":2},{"c":3}],"x":1}';
        const parsed = parseJsonInParts(bytesOf(text)) as Record<string, unknown>;
        expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
        expect(Object.getOwnPropertyDescriptor(parsed, '__proto__')?.value).toEqual([{ a: 1 }, { b: 2 }, { c: 3 }]);
        expect(JSON.stringify(parsed)).toBe(JSON.stringify(JSON.parse(text)));
    });

    it('accepts nothing JSON.parse refuses', () => {
        const good = JSON.stringify(page(5));
        const broken = [
            good.slice(0, Math.floor(good.length / 2)), // cut short, as a dropped connection leaves it
            `${good}x`,
            good.replace('"id":"user-1"', '"id":"user-1",'),
            good.replace('},{', '}{'),
            good.replace('},{', '},,{'),
            good.replace(']},"count"', '],},"count"'),
            good.replace('"enabled":true', '"enabled":tru'),
            '{"a":[1,2,3}',
            '{"a":[1,2,3]]',
            '{"a":["unterminated,2,3]}',
            '{"a":[1,2,3],}',
        ];
        for (const text of broken) {
            expect(() => JSON.parse(text)).toThrow();
            expect(parseJsonInParts(bytesOf(text))).toBeUndefined();
        }
    });

    it('gives nothing when the array is not where JSON.parse leaves it, so that the whole text decides', () => {
        // A later duplicate key replaces the array in JSON.parse's result.
        expect(parseJsonInParts(bytesOf('{"a":[1,2,3],"a":"later"}'))).toBeUndefined();
        // The marker the split uses, in the data itself.
        expect(parseJsonInParts(bytesOf(`{"a":[1,2,3],"b":${JSON.stringify('\u0000split-array\u0000')}}`))).toBeUndefined();
        // No array worth splitting.
        expect(parseJsonInParts(bytesOf('{"a":[1],"b":[ ]}'))).toBeUndefined();
        expect(parseJsonInParts(bytesOf('"just a string"'))).toBeUndefined();
    });

    it('reads a document nested deeper than the stack without overflowing it', () => {
        const depth = 50_000;
        const items = Array.from({ length: 20_000 }, (_, index) => `item ${index}`);
        const text = `{"items":${JSON.stringify(items)},"deep":${'['.repeat(depth)}${']'.repeat(depth)}}`;
        const parsed = parseJsonInParts(bytesOf(text)) as { items: unknown; deep: unknown[] };
        expect(parsed.items).toEqual(items);
        // Walked, not compared: a recursive comparison would overflow the stack itself.
        let levels = 0;
        for (let level: unknown[] | undefined = parsed.deep; level !== undefined; level = level[0] as unknown[] | undefined) levels++;
        expect(levels).toBe(depth);
    });
});
