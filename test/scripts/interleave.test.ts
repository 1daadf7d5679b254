// interleave(): several listings read at once, each value handed over as it arrives, and a failure
// of one closes the others. Sources here are plain async generators whose steps wait on promises
// the test resolves, so the order is the test's, not a clock's.
import { describe, expect, it } from 'vitest';

import { interleave } from '../../connectors/shared/interleave.js';

function gate() {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    return { open, opened };
}

describe('interleave', () => {
    it('hands values over in the order they arrive, whichever source they come from', async () => {
        const a1 = gate();
        const b1 = gate();
        const a2 = gate();
        async function* a() {
            await a1.opened;
            yield 'a1';
            await a2.opened;
            yield 'a2';
        }
        async function* b() {
            await b1.opened;
            yield 'b1';
        }
        const seen: string[] = [];
        const reading = (async () => {
            for await (const { key, value } of interleave(
                new Map([
                    ['a', a()],
                    ['b', b()],
                ]),
            ))
                seen.push(`${key}:${value}`);
        })();
        b1.open();
        await new Promise((resolve) => setImmediate(resolve));
        a1.open();
        await new Promise((resolve) => setImmediate(resolve));
        a2.open();
        await reading;
        expect(seen).toEqual(['b:b1', 'a:a1', 'a:a2']);
    });

    it('asks a source for its next value before handing its current one over', async () => {
        const asked: string[] = [];
        async function* counted() {
            for (const value of ['x', 'y']) {
                asked.push(value);
                yield value;
            }
        }
        const order: string[] = [];
        for await (const { value } of interleave(new Map([['only', counted()]]))) order.push(`got ${value} after asking ${asked.join(',')}`);
        expect(order[0]).toBe('got x after asking x,y');
    });

    it('passes a failure on and closes the other sources', async () => {
        let closed = false;
        const never = gate();
        async function* slow() {
            try {
                yield 'first';
                await never.opened;
                yield 'never';
            } finally {
                closed = true;
            }
        }
        async function* failing(): AsyncGenerator<string> {
            await Promise.resolve();
            throw new Error('page refused');
            yield 'never'; // a generator that fails before its first value
        }
        const seen: string[] = [];
        const reading = (async () => {
            for await (const { value } of interleave(
                new Map([
                    ['slow', slow()],
                    ['failing', failing()],
                ]),
            ))
                seen.push(value);
        })();
        await expect(reading).rejects.toThrow('page refused');
        never.open();
        await new Promise((resolve) => setImmediate(resolve));
        expect(closed).toBe(true);
    });
});
