import { createHash, randomBytes } from 'node:crypto';

// Everything the emulator invents (ids, names, fault dice) comes from here, so that one seed
// reproduces one tenant and one sequence of faults.

const fnvBasis = 0x811c9dc5;

/**
 * FNV-1a over the text: fast, stable, good enough to spread seeded choices. `from` continues the
 * hash of a prefix: `hash32(b, hash32(a)) === hash32(a + b)`, so a fixed prefix is hashed once.
 */
export function hash32(text: string, from = fnvBasis): number {
    let hash = from;
    for (let i = 0; i < text.length; i++) {
        hash ^= text.charCodeAt(i);
        hash = Math.imul(hash, 0x01000193);
    }
    return hash >>> 0;
}

/** A seeded generator of floats in [0, 1) (mulberry32). */
export function seededRandom(seed: string): () => number {
    let state = hash32(seed);
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

function formatUuid(hex: string): string {
    // Version 4 and RFC 4122 variant bits, so that strict uuid validators accept seeded ids.
    const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A uuid derived from the seed and a name: the same inputs give the same id on every run. */
export function seededUuid(seed: string, name: string): string {
    return formatUuid(createHash('sha256').update(`${seed}\0${name}`).digest('hex'));
}

const span48 = 2 ** 48;

function hex8(value: number): string {
    // 2^32 + value has nine hex digits; dropping the first pads to eight without padStart.
    return (0x100000000 + value).toString(16).slice(1);
}

const offsets = new Map<string, number>();

function offset48(seed: string, kind: string): number {
    const key = `${seed}\0${kind}`;
    let offset = offsets.get(key);
    if (offset === undefined) {
        offset = parseInt(createHash('sha256').update(`${key}\0offset`).digest('hex').slice(0, 12), 16);
        offsets.set(key, offset);
    }
    return offset;
}

/**
 * Seeded uuids whose last 12 hex digits carry an index (shifted by a seeded offset, so ids do not
 * look sequential): a generated user's id leads straight back to its index without an id table,
 * and a 1,000,000-user tenant keeps no map. Returns the index -> uuid function of one seed and kind.
 */
export function indexedUuids(seed: string, kind: string): (index: number) => string {
    // FNV rather than sha256: this runs for every user of every page served, and ids need spread, not
    // secrecy. The prefix `${seed}\0${kind}\0` is hashed once; per id only the index's digits are.
    const prefix = hash32(`${seed}\0${kind}\0`);
    const offset = offset48(seed, kind);
    return (index) => {
        const base = hash32(`${index}\0`, prefix);
        const head = hex8(hash32('a', base)) + hex8(hash32('b', base)) + hex8(hash32('c', base)).slice(0, 4);
        return formatUuid(head + ((index + offset) % span48).toString(16).padStart(12, '0'));
    };
}

/** The index an indexedUuid of this seed and kind carries, or undefined when the text is not one. */
export function indexOfUuid(seed: string, kind: string, id: string): number | undefined {
    const match = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-([0-9a-f]{12})$/.exec(id);
    return match?.[1] === undefined ? undefined : (parseInt(match[1], 16) - offset48(seed, kind) + span48) % span48;
}

export function randomUuid(): string {
    return formatUuid(randomBytes(16).toString('hex'));
}

/** A secret-looking random string (client secrets, codes, refresh tokens). */
export function randomToken(bytes = 32): string {
    return randomBytes(bytes).toString('base64url');
}
