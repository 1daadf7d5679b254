import { hash } from 'node:crypto';
import { StoreError } from '../errors/store-error.js';

export type RecordPayload = Record<string, unknown>;

const skipped = (item: unknown) => item === undefined || typeof item === 'function' || typeof item === 'symbol';

/**
 * JSON.stringify with the keys of every object sorted, so that the same content always gives the
 * same text. Only `sameContent` needs it: sorting every record of a full sync would cost more than
 * parsing it (written out rather than as a JSON.stringify replacer, which costs several times more).
 */
function canonicalJson(value: unknown): string {
    if (value === null || typeof value !== 'object') {
        // Top-level undefined has no JSON; inside objects it is skipped before we get here.
        return JSON.stringify(value) ?? 'null';
    }
    if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return canonicalJson((value as { toJSON(): unknown }).toJSON());
    if (Array.isArray(value)) {
        let out = '[';
        for (let index = 0; index < value.length; index++) {
            const item: unknown = value[index];
            out += `${index === 0 ? '' : ','}${skipped(item) ? 'null' : canonicalJson(item)}`;
        }
        return `${out}]`;
    }
    let out = '{';
    for (const key of Object.keys(value).sort()) {
        const item = (value as RecordPayload)[key];
        if (skipped(item)) continue;
        out += `${out.length === 1 ? '' : ','}${JSON.stringify(key)}:${canonicalJson(item)}`;
    }
    return `${out}}`;
}

/**
 * The stored form of a record: its JSON with the keys in the order the script gave them, and a
 * hash of that text. An equal hash means unchanged; a different one is a change unless
 * `sameContent` finds the same content with its keys in another order (Nango's JSONB column does
 * not keep key order either).
 */
export interface RecordContent {
    id: string;
    /**
     * The JSON, as UTF-8 bytes: what SQLite stores (bound with `CAST(? AS TEXT)`, the same text as
     * the string would give). Bytes are held outside the JS heap: the harness holds a commit's worth
     * of records, and held as strings they were copied by every young-generation collection until
     * promoted. The hash reads the same bytes, so the text is encoded once, not once for each.
     */
    json: Buffer;
    hash: Buffer;
}

/** Checks that a record is an object with a usable `id`, and serialises it once. */
export function recordContent(record: unknown, where: string): RecordContent {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
        throw new StoreError('invalid_record', `${where} is not an object.`, { hint: 'Save records as plain objects with an `id` field.' });
    }
    const id = recordId((record as RecordPayload)['id'], where);
    let json: Buffer;
    try {
        // A toJSON that gives nothing leaves JSON.stringify nothing to return: Buffer.from refuses it.
        json = Buffer.from(JSON.stringify(record), 'utf8');
    } catch (error) {
        throw new StoreError('invalid_record', `${where} (id ${id}) cannot be stored as JSON: ${(error as Error).message}.`, {
            hint: 'Records must be JSON: no cycles, no BigInt values.',
            cause: error,
        });
    }
    return { id, json, hash: hash('sha256', json, 'buffer') };
}

/** One content per id, the last occurrence winning (Nango's batchSave de-duplicates the same way). */
export function contentsOf(records: readonly unknown[], model: string): Map<string, RecordContent> {
    if (!Array.isArray(records)) throw new StoreError('invalid_argument', `The ${model} batch is not an array.`, { hint: 'Pass an array of records.' });
    const contents = new Map<string, RecordContent>();
    records.forEach((record, index) => {
        const content = recordContent(record, `Record ${index} of the ${model} batch`);
        contents.set(content.id, content);
    });
    return contents;
}

/** Whether a stored payload holds the same content as a new one whose hash differs (keys reordered). */
export function sameContent(storedJson: string, content: RecordContent): boolean {
    return canonicalJson(JSON.parse(storedJson)) === canonicalJson(JSON.parse(content.json.toString('utf8')));
}

/** Nango record ids are strings or numbers; the store keys them as strings. */
export function recordId(id: unknown, where: string): string {
    if (typeof id === 'string' && id !== '') return id;
    if (typeof id === 'number' && Number.isFinite(id)) return String(id);
    throw new StoreError('invalid_record', `${where} has no usable \`id\` (got ${id === undefined ? 'none' : JSON.stringify(id)}).`, {
        hint: 'Every record needs an `id` that is a non-empty string or a finite number.',
    });
}
