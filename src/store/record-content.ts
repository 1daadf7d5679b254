import { hash } from 'node:crypto';
import { StoreError } from '../errors/store-error.js';

export type RecordPayload = Record<string, unknown>;

const skipped = (item: unknown) => item === undefined || typeof item === 'function' || typeof item === 'symbol';

/**
 * JSON.stringify with the keys of every object sorted, so that the same content always gives the
 * same text (Nango's JSONB column does not keep key order either). Written out rather than as a
 * JSON.stringify replacer, which costs several times more per record.
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

/** The stored form of a record: its canonical JSON, and a hash of it to tell an unchanged re-save cheaply. */
export interface RecordContent {
    id: string;
    json: string;
    hash: Buffer;
}

/** Checks that a record is an object with a usable `id`, and serialises it once. */
export function recordContent(record: unknown, where: string): RecordContent {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
        throw new StoreError('invalid_record', `${where} is not an object.`, { hint: 'Save records as plain objects with an `id` field.' });
    }
    const id = recordId((record as RecordPayload)['id'], where);
    let json: string;
    try {
        json = canonicalJson(record);
    } catch (error) {
        throw new StoreError('invalid_record', `${where} (id ${id}) cannot be stored as JSON: ${(error as Error).message}.`, {
            hint: 'Records must be JSON: no cycles, no BigInt values.',
            cause: error,
        });
    }
    return { id, json, hash: hash('sha256', json, 'buffer') };
}

/** Nango record ids are strings or numbers; the store keys them as strings. */
export function recordId(id: unknown, where: string): string {
    if (typeof id === 'string' && id !== '') return id;
    if (typeof id === 'number' && Number.isFinite(id)) return String(id);
    throw new StoreError('invalid_record', `${where} has no usable \`id\` (got ${id === undefined ? 'none' : JSON.stringify(id)}).`, {
        hint: 'Every record needs an `id` that is a non-empty string or a finite number.',
    });
}
