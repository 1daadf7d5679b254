import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../scripts/compile.js';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** A copy of the compiler's sources in a temporary directory, so tests can break them without touching the tree. */
export interface CompileFixture {
    root: string;
    read(file: string): string;
    write(file: string, text: string): void;
    /** Replaces the one occurrence of `from` in `file` (throws if absent, so a test cannot silently test nothing). */
    edit(file: string, from: string, to: string): void;
    /** The 1-based line of the first line of `file` containing `text`. */
    lineOf(file: string, text: string): number;
    remove(): void;
}

export function makeCompileFixture(): CompileFixture {
    const root = mkdtempSync(join(tmpdir(), 'compile-'));
    for (const path of ['providers.yaml', 'providers.extensions.yaml', 'schemas/providers.schema.json', 'schemas/providers.extensions.schema.json', 'guides']) {
        cpSync(join(projectRoot, path), join(root, path), { recursive: true });
    }
    const read = (file: string) => readFileSync(join(root, file), 'utf8');
    const write = (file: string, text: string) => writeFileSync(join(root, file), text);
    return {
        root,
        read,
        write,
        edit(file, from, to) {
            const text = read(file);
            if (!text.includes(from)) throw new Error(`fixture: ${file} does not contain ${JSON.stringify(from)}`);
            write(
                file,
                text.replace(from, () => to),
            );
        },
        lineOf(file, text) {
            const index = read(file)
                .split('\n')
                .findIndex((line) => line.includes(text));
            if (index < 0) throw new Error(`fixture: ${file} has no line with ${JSON.stringify(text)}`);
            return index + 1;
        },
        remove: () => rmSync(root, { recursive: true, force: true }),
    };
}

export const realProjectRoot = projectRoot;

/** Runs `npm run compile -- <args>` in-process with captured output. */
export async function runCompile(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const code = await main(args, { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } });
    return { code, stdout, stderr };
}
