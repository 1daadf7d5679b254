import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../src/harness/index.js';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { harnessOnEmulator } from '../support/harness.js';

let emulator: TestEmulator;
let harness: Harness;

beforeAll(async () => {
    emulator = await startTestEmulator();
    harness = await harnessOnEmulator(emulator, 'inputs');
});
afterAll(async () => {
    await harness.close();
    await emulator.close();
});

/** fixture-create-group's input schema: `{ name }`, strict, trimmed, 1 to 256 characters. */
const run = (input: unknown) => harness.runAction('inputs', 'fixture-create-group', input);

/** Nesting `depth` levels deep: `{ a: { a: ... } }`. */
function nested(depth: number): unknown {
    let value: unknown = 'leaf';
    for (let level = 0; level < depth; level++) value = { a: value };
    return value;
}

describe('action input: parsed, strict and bounded before the script runs', () => {
    it("hands the script the schema's parsed output, not the raw input", async () => {
        const report = await run({ name: '  Trimmed by the schema  ' });
        expect(report.status).toBe('success');
        expect(report.output).toMatchObject({ name: 'Trimmed by the schema' });
    });

    it('reports every problem at once, each with its path, as invalid_input, and sends nothing', async () => {
        const report = await run({ name: 'x'.repeat(300), titel: 'typo', population: { id: 'elsewhere' } });
        expect(report).toMatchObject({ status: 'failed', requests: 0, error: { code: 'invalid_input' } });
        expect(report.error?.problems).toEqual(
            expect.arrayContaining([
                { path: 'input.name', message: expect.stringContaining('256') },
                { path: 'input', message: 'unknown key "titel"' },
                { path: 'input', message: 'unknown key "population"' },
            ]),
        );
        expect(report.error?.problems).toHaveLength(3);
        expect(report.error?.message).toContain('input: unknown key "titel"');
    });

    it('refuses input nested 5,000 deep cleanly, before any schema recursion', async () => {
        const report = await run({ name: 'deep', extra: nested(5000) });
        expect(report).toMatchObject({
            status: 'failed',
            requests: 0,
            error: { code: 'invalid_input', problems: [{ path: 'input', message: 'nested deeper than 32 levels' }] },
        });
    });

    it('refuses a 10 MB field by the size of the whole input, without echoing it', async () => {
        const report = await run({ name: 'x'.repeat(10 * 1024 * 1024) });
        expect(report).toMatchObject({
            status: 'failed',
            requests: 0,
            error: { code: 'invalid_input', problems: [{ path: 'input', message: 'larger than 256 KB' }] },
        });
        expect(JSON.stringify(report).length).toBeLessThan(2000);
    });

    it('names an unknown key without replaying a huge one', async () => {
        const report = await run({ name: 'ok', ['k'.repeat(1000)]: 1 });
        expect(report.error?.problems).toEqual([{ path: 'input', message: `unknown key "${'k'.repeat(64)}…"` }]);
    });
});
