import { indexOfUuid } from '../random.js';
import { UserGenerator, type GeneratedJson, type GeneratorContext } from './user-generator.js';
import type { UserRecord } from './records.js';

/**
 * The users of one environment in a fixed order: generated users 0..generated-1, then created ones.
 * Generated users are rebuilt from their index on every read; only changed, created or deleted
 * users take memory (the overlay), so a 1,000,000-user tenant costs a few kilobytes until written to.
 */
export class UserStore {
    private readonly overlay = new Map<number, UserRecord>();
    private readonly deleted = new Set<number>();
    /** Ids and usernames of overlay users (generated ones are found from the id or username itself). */
    private readonly createdIds = new Map<string, number>();
    private readonly overlayUsernames = new Map<string, number>();
    private end: number;
    private readonly generator: UserGenerator;

    constructor(
        context: GeneratorContext,
        readonly generated: number,
    ) {
        this.generator = new UserGenerator(context);
        this.end = generated;
    }

    /** One past the highest index in use; indexes of deleted users stay empty. */
    get upperBound(): number {
        return this.end;
    }

    /** Live users: every index ever used minus the deleted ones. */
    get size(): number {
        return this.end - this.deleted.size;
    }

    /** The live user at an index, or undefined (deleted or never created). */
    at(index: number): UserRecord | undefined {
        if (this.deleted.has(index)) return undefined;
        const changed = this.overlay.get(index);
        if (changed) return changed;
        return index < this.generated ? this.generator.record(index) : undefined;
    }

    /** The population of the live user at an index, or undefined; a generated user's is known without generating it. */
    populationIdAt(index: number): string | undefined {
        if (this.deleted.has(index)) return undefined;
        const changed = this.overlay.get(index);
        if (changed) return (changed.body.population as { id?: string } | undefined)?.id;
        return index < this.generated ? this.generator.populationId(index) : undefined;
    }

    /** The live user's id and body text (see GeneratedJson) at an index (no object built for a generated user), or undefined. */
    jsonAt(index: number): GeneratedJson | undefined {
        if (this.deleted.has(index)) return undefined;
        const changed = this.overlay.get(index);
        if (changed) return { id: String(changed.body.id), members: JSON.stringify(changed.body).slice(1) };
        return index < this.generated ? this.generator.json(index) : undefined;
    }

    /** The live user at a position of the list order (0-based), skipping deleted indexes without a scan. */
    nth(position: number): UserRecord | undefined {
        const holes = [...this.deleted].sort((a, b) => a - b);
        let index = position;
        for (const hole of holes) if (hole <= index) index++;
        return index < this.end ? this.at(index) : undefined;
    }

    indexOf(id: string): number | undefined {
        const created = this.createdIds.get(id);
        if (created !== undefined) return this.deleted.has(created) ? undefined : created;
        const index = indexOfUuid(this.generator.seed, 'user', id);
        if (index === undefined || index >= this.generated || this.deleted.has(index)) return undefined;
        // The id must be exactly the one this index generates, not just end in the right digits.
        return (this.overlay.get(index)?.body.id ?? this.generator.id(index)) === id ? index : undefined;
    }

    get(id: string): UserRecord | undefined {
        const index = this.indexOf(id);
        return index === undefined ? undefined : this.at(index);
    }

    findByUsername(username: string): UserRecord | undefined {
        const wanted = username.toLowerCase();
        const changed = this.overlayUsernames.get(wanted);
        if (changed !== undefined) return this.at(changed);
        const digits = /(\d+)$/.exec(wanted)?.[1];
        if (digits === undefined) return undefined;
        const index = Number(digits);
        if (index >= this.generated || this.overlay.has(index)) return undefined;
        const user = this.at(index);
        return user && String(user.body.username).toLowerCase() === wanted ? user : undefined;
    }

    /** Applies a change to a user, moving it into the overlay. Returns the changed record. */
    update(id: string, change: (record: UserRecord) => void): UserRecord | undefined {
        const index = this.indexOf(id);
        if (index === undefined) return undefined;
        const record = this.overlay.get(index) ?? structuredClone(this.at(index) as UserRecord);
        this.forgetUsername(record);
        change(record);
        this.overlay.set(index, record);
        this.overlayUsernames.set(String(record.body.username).toLowerCase(), index);
        return record;
    }

    create(record: UserRecord): void {
        const index = this.end++;
        this.overlay.set(index, record);
        this.createdIds.set(String(record.body.id), index);
        this.overlayUsernames.set(String(record.body.username).toLowerCase(), index);
    }

    delete(id: string): boolean {
        const index = this.indexOf(id);
        if (index === undefined) return false;
        const record = this.overlay.get(index);
        if (record) this.forgetUsername(record);
        this.overlay.delete(index);
        this.deleted.add(index);
        return true;
    }

    private forgetUsername(record: UserRecord): void {
        const key = String(record.body.username).toLowerCase();
        const index = this.overlayUsernames.get(key);
        if (index !== undefined && this.overlay.get(index) === record) this.overlayUsernames.delete(key);
    }
}
