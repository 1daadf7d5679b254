import { createHash } from 'node:crypto';
import { StoreError } from '../errors/store-error.js';

export type RecordPayload = Record<string, unknown>;

/** Keys of every object sorted, so that the same content gives the same text whatever the key order. */
function canonicalJson(value: unknown): string {
    return JSON.stringify(value, (_key, item: unknown) => {
        if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
        const keys = Object.keys(item);
        if (keys.every((key, index) => index === 0 || (keys[index - 1] as string) < key)) return item;
        const sorted: Record<string, unknown> = {};
        for (const key of keys.sort()) sorted[key] = (item as Record<string, unknown>)[key];
        return sorted;
    });
}

/** The stored form of a record: its JSON as given, and a hash of its content that ignores key order. */
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
    let canonical: string;
    try {
        json = JSON.stringify(record);
        canonical = canonicalJson(record);
    } catch (error) {
        throw new StoreError('invalid_record', `${where} (id ${id}) cannot be stored as JSON: ${(error as Error).message}.`, {
            hint: 'Records must be JSON: no cycles, no BigInt values.',
            cause: error,
        });
    }
    return { id, json, hash: createHash('sha256').update(canonical).digest() };
}

/** Nango record ids are strings or numbers; the store keys them as strings. */
export function recordId(id: unknown, where: string): string {
    if (typeof id === 'string' && id !== '') return id;
    if (typeof id === 'number' && Number.isFinite(id)) return String(id);
    throw new StoreError('invalid_record', `${where} has no usable \`id\` (got ${id === undefined ? 'none' : JSON.stringify(id)}).`, {
        hint: 'Every record needs an `id` that is a non-empty string or a finite number.',
    });
}
