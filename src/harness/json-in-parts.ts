// JSON.parse of a large body without making it one string. A page of 200 PingOne users is about
// 440 KB; as one string it lands in V8's large-object space, which maps fresh memory for every
// answer (about 110 page faults a page, each dear in a virtual machine), and JSON.parse then reads
// it once more. Here the bytes are scanned once for the largest array (a HAL page's `_embedded`
// items), each of its elements is parsed from its own bytes, and the rest of the document is parsed
// with that array left out and then put back. The result is what JSON.parse gives for the whole text;
// anything the scan does not expect (no array worth splitting, an unbalanced bracket, a sentinel
// that is not found once) gives `undefined`, and the caller parses the whole text as before, so that
// JSON.parse alone decides what is JSON.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const COMMA = 0x2c;

/** Below this many bytes one JSON.parse is cheaper than the scan (V8's large-object size is 128 KB). */
export const splitFromBytes = 128 * 1024;

/** Where the largest array is, and where each of its elements starts and ends (end exclusive). */
interface ArraySpan {
    open: number;
    close: number;
    elements: Array<[number, number]>;
}

interface Open {
    at: number;
    isArray: boolean;
    /** For an array: where its current element starts. */
    elementStart: number;
    /** For an array: its elements so far. Every object shares `noElements`, which is never added to. */
    elements: Array<[number, number]>;
}

const noElements: Array<[number, number]> = [];

/** The index of the quote that closes the string opened at `open`, or -1. */
function stringEnd(bytes: Buffer, open: number): number {
    let at = open + 1;
    for (;;) {
        at = bytes.indexOf(QUOTE, at);
        if (at < 0) return -1;
        let backslashes = 0;
        while (bytes[at - 1 - backslashes] === BACKSLASH) backslashes++;
        // An even run of backslashes escapes itself, not the quote.
        if (backslashes % 2 === 0) return at;
        at++;
    }
}

function largestArray(bytes: Buffer): ArraySpan | undefined {
    const open: Open[] = [];
    let largest: ArraySpan | undefined;
    for (let at = 0; at < bytes.length; at++) {
        const byte = bytes[at];
        if (byte === QUOTE) {
            at = stringEnd(bytes, at);
            if (at < 0) return undefined;
        } else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
            const isArray = byte === OPEN_ARRAY;
            open.push({ at, isArray, elementStart: at + 1, elements: isArray ? [] : noElements });
        } else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) {
            const closed = open.pop();
            if (closed === undefined || closed.isArray !== (byte === CLOSE_ARRAY)) return undefined;
            if (!closed.isArray) continue;
            closed.elements.push([closed.elementStart, at]);
            if (largest === undefined || at - closed.at > largest.close - largest.open) largest = { open: closed.at, close: at, elements: closed.elements };
        } else if (byte === COMMA) {
            const container = open.at(-1);
            if (container?.isArray === true) {
                container.elements.push([container.elementStart, at]);
                container.elementStart = at + 1;
            }
        }
    }
    return open.length === 0 ? largest : undefined;
}

/** A string no JSON text of a page carries: it marks where the split-off array goes back. */
const SENTINEL = '\u0000split-array\u0000';

/**
 * Replaces the one SENTINEL value in the document with `items`; false unless it was found exactly
 * once. A loop, not recursion: a document may be nested deeper than the stack.
 */
function putBack(document: object, items: unknown[]): boolean {
    let found = 0;
    const containers: object[] = [document];
    for (let container = containers.pop(); container !== undefined; container = containers.pop()) {
        for (const [key, value] of Object.entries(container)) {
            if (value === SENTINEL) {
                // Defined, not assigned: a key named __proto__ is an own property in JSON.parse's result too.
                Object.defineProperty(container, key, { value: items, writable: true, enumerable: true, configurable: true });
                found++;
            } else if (typeof value === 'object' && value !== null) containers.push(value as object);
        }
    }
    return found === 1;
}

/** What JSON.parse would give for `bytes` (UTF-8), or undefined when the caller should parse the whole text. */
export function parseJsonInParts(bytes: Buffer): unknown {
    const span = largestArray(bytes);
    // An empty array has one "element" of whitespace; the whole text is small then anyway.
    if (span === undefined || span.elements.length < 2) return undefined;
    let document: unknown;
    let items: unknown[];
    try {
        document = JSON.parse(bytes.toString('utf8', 0, span.open) + JSON.stringify(SENTINEL) + bytes.toString('utf8', span.close + 1));
        items = span.elements.map(([start, end]) => JSON.parse(bytes.toString('utf8', start, end)) as unknown);
    } catch {
        return undefined;
    }
    if (document === SENTINEL) return items;
    if (typeof document !== 'object' || document === null || !putBack(document, items)) return undefined;
    return document;
}
