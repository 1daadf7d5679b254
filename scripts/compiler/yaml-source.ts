import { readFileSync } from 'node:fs';
import { isMap, isScalar, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { DefinitionProblem } from '../../src/errors/index.js';

export type KeyPath = readonly (string | number)[];

/** A parsed YAML file that can say where any key path is. */
export interface YamlSource {
    /** The name used in messages: the path relative to the source root. */
    file: string;
    data: unknown;
    /** Line and column of the key at `path` (or of its value when it has no key), 1-based. */
    locate(path: KeyPath): { line: number; column: number };
    problem(path: KeyPath, message: string): DefinitionProblem;
}

/** Reads a YAML file; syntax errors, duplicate keys and aliases come back as problems with their place. */
export function readYamlSource(absolutePath: string, file: string): { source?: YamlSource; problems: DefinitionProblem[] } {
    let text: string;
    try {
        text = readFileSync(absolutePath, 'utf8');
    } catch (error) {
        return {
            problems: [{ file, line: 0, column: 0, keyPath: '', message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).` }],
        };
    }
    const lineCounter = new LineCounter();
    const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
    const position = (offset: number) => {
        const { line, col } = lineCounter.linePos(offset);
        return { line, column: col };
    };
    if (document.errors.length > 0) {
        return {
            problems: document.errors.map((error) => ({
                file,
                ...position(error.pos[0]),
                keyPath: keyPathAt(document, error.pos[0]),
                message: yamlMessage(error.code, error.message),
            })),
        };
    }
    // One place per value keeps every message's line true, so `*name` (and `<<: *name`) is refused rather than resolved.
    const aliases: DefinitionProblem[] = [];
    visit(document, {
        Alias(_, alias) {
            const offset = alias.range?.[0] ?? 0;
            aliases.push({
                file,
                ...position(offset),
                keyPath: keyPathAt(document, offset),
                message: `YAML aliases are not allowed (*${alias.source}); write the value out here.`,
            });
        },
    });
    if (aliases.length > 0) return { problems: aliases };
    const locate = (path: KeyPath) => position(offsetOf(document, path));
    const source: YamlSource = {
        file,
        data: document.toJS({ maxAliasCount: 0 }),
        locate,
        problem: (path, message) => ({ file, ...locate(path), keyPath: path.join('.'), message }),
    };
    return { source, problems: [] };
}

function yamlMessage(code: string, message: string): string {
    const firstLine = message.split('\n')[0] ?? message;
    if (code === 'DUPLICATE_KEY') return `duplicate key: ${firstLine.replace(/ at line.*$/, '')} (each provider and field may appear once).`;
    return `malformed YAML: ${firstLine.replace(/ at line.*$/, '')}.`;
}

/** The deepest key whose pair encloses `path`: the key node for a map entry, else the value node. */
function offsetOf(document: Document, path: KeyPath): number {
    let node: unknown = document.contents;
    let offset = (node as Node | null)?.range?.[0] ?? 0;
    for (const segment of path) {
        if (isMap(node)) {
            const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
            if (pair === undefined) break;
            offset = (pair.key as Node).range?.[0] ?? offset;
            node = pair.value;
        } else if (node !== null && typeof node === 'object' && 'items' in node && Array.isArray(node.items)) {
            const item = node.items[Number(segment)] as Node | undefined;
            if (item === undefined) break;
            offset = item.range?.[0] ?? offset;
            node = item;
        } else {
            break;
        }
    }
    return offset;
}

/** The key path of the map entries enclosing an offset, for syntax errors. */
function keyPathAt(document: Document, offset: number): string {
    const path: string[] = [];
    let node: unknown = document.contents;
    while (isMap(node)) {
        const pair = node.items.find((item) => {
            const start = (item.key as Node | null)?.range?.[0] ?? Infinity;
            const end = (item.value as Node | null)?.range?.[2] ?? (item.key as Node | null)?.range?.[2] ?? -1;
            // A node's end is exclusive: the next key starts where the previous value ends.
            return start <= offset && offset < end;
        });
        // A broken line can parse as a map whose key is prose: only key-like names belong in the path.
        if (pair === undefined || !isScalar(pair.key) || !/^[\w.-]+$/.test(String(pair.key.value))) break;
        path.push(String(pair.key.value));
        node = pair.value;
    }
    return path.join('.');
}
