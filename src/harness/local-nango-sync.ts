import { NangoSyncBase } from '@nangohq/runner-sdk';
import type { ZodType } from 'zod';
import { InvalidRecordError, NotFoundError, ScriptError } from '../errors/index.js';
import { contentsOf } from '../store/index.js';
import { letRequestsLeave } from './let-requests-leave.js';
import { localNangoProps, withLocalRuntime } from './local-runtime.js';
import type { RunContext } from './run-context.js';
import type { PendingWrites, RecordCounts, ScriptRecord } from './run-store.js';
import { stepBoundary } from './step-boundary.js';
import { validateAgainst, validateCheckpoint } from './validate.js';

/** Writes since the last checkpoint are held this long at most, then committed without one. */
const maxPendingRecords = 5_000;
/**
 * A checkpoint saved within this long of the last commit is held, with its pages, until the next one
 * falls due: a fast scan commits a few times a second, not once a page, which spares the write-ahead
 * log the scattered index pages of every page's random-UUID keys. What is held always matches its
 * checkpoint, so a run killed meanwhile resumes exactly from the last committed one.
 */
const commitEveryMs = 250;

/**
 * `nango` as a sync script receives it in a local run. Records are validated as they are saved
 * and held until the script saves a checkpoint (or the run ends; checkpoints come in faster than
 * `commitEveryMs` are grouped): the checkpoint and the records of the pages before it commit in one
 * transaction, so a run killed at any moment resumes from a checkpoint that matches exactly what is
 * stored.
 *
 * `trackDeletesEnd` deletes nothing by itself: it returns the records not seen since
 * `trackDeletesStart` (Nango's `deletedKeys`), and their deletes commit with the script's next
 * checkpoint (or the run's successful end), less any record the script saves again before then. A
 * run that dies before that checkpoint leaves the tracking open, and its resumed run, which reads
 * from the same checkpoint, ends it as a clean run would. (On Nango, trackDeletesEnd deletes at
 * once: docs/guarantees.md says what that means there.)
 *
 * @internal Built by the harness only; its base class (a mixin over runner-sdk's classes) cannot be
 * written in a declaration file (TS4094), so the build leaves it out of them.
 */
export class LocalNangoSync extends withLocalRuntime(NangoSyncBase) {
    private models: Record<string, ZodType> = {};
    private checkpointSchema: ZodType | undefined;
    private pending: PendingWrites = emptyWrites();
    private pendingCount = 0;
    private readonly tracking = new Set<string>();
    /** Models whose tracking the script ended; it closes in the commit of the next checkpoint. */
    private readonly ending = new Set<string>();
    private mergingStrategyLocked = false;
    private lastCommitAt = performance.now();
    readonly counts: RecordCounts = { added: 0, updated: 0, deleted: 0 };

    static create(
        run: RunContext,
        script: { models: Record<string, ZodType>; checkpoint?: ZodType | undefined },
        options: { debug?: boolean } = {},
    ): LocalNangoSync {
        const nango = new LocalNangoSync(localNangoProps(run, 'sync', options.debug ?? false));
        nango.run = run;
        nango.models = script.models;
        nango.checkpointSchema = script.checkpoint;
        return nango;
    }

    async batchSave(records: unknown[], model: string): Promise<boolean> {
        await letRequestsLeave();
        // Nango keeps the last occurrence of an id within a batch. Serialised now rather than at the
        // commit: the pages held until then are one string a record, not the records' object trees.
        const contents = contentsOf(this.checkedRecords(records, model), model);
        this.hold(contents.size, (pending) => pending.saves.push({ model, contents }));
        this.run.progress({ kind: 'records', model, saved: contents.size });
        stepBoundary('batchSave');
        return true;
    }

    async batchUpdate(records: unknown[], model: string): Promise<boolean> {
        const partials = this.checkedIds(records, model);
        this.flush();
        const existing = this.run.store.getRecordsByIds(
            model,
            partials.map((record) => record.id),
        );
        const merged = partials.map((partial, index) => {
            const full = { ...(existing.get(partial.id) ?? {}), ...partial };
            validateAgainst(this.models[model], full, model, index);
            return full as ScriptRecord;
        });
        this.hold(merged.length, (pending) => pending.updates.push({ model, records: merged }));
        return true;
    }

    async batchDelete(records: unknown[], model: string): Promise<boolean> {
        const ids = this.checkedIds(records, model).map((record) => record.id);
        this.throwIfAbortedOrKilled();
        this.pending.deletes.push({ model, ids });
        this.pendingCount += ids.length;
        this.flushWhenFull();
        stepBoundary('batchDelete');
        return true;
    }

    async getRecordsByIds<K = string, T = ScriptRecord>(ids: K[], model: string): Promise<Map<K, T>> {
        this.knownModel(model);
        this.flush();
        return this.run.store.getRecordsByIds(model, ids.map(String)) as unknown as Map<K, T>;
    }

    async *listRecords<T = ScriptRecord>(model: string, options: { cursor?: string } = {}): AsyncGenerator<T> {
        this.knownModel(model);
        this.flush();
        let cursor = options.cursor;
        do {
            const page = this.run.store.listRecords(model, { cursor, limit: 100 });
            for (const record of page.records) yield record as unknown as T;
            cursor = page.nextCursor ?? undefined;
        } while (cursor !== undefined);
    }

    trackDeletesStart(model: string): void {
        this.knownModel(model);
        if (this.tracking.has(model)) {
            throw new ScriptError('invalid_call', `trackDeletesStart("${model}") was called twice in one run.`, {
                hint: 'Call it once per model, before saving its records.',
            });
        }
        this.tracking.add(model);
        this.flush();
        this.run.store.trackDeletesStart(model);
    }

    trackDeletesEnd(model: string): { deletedKeys: string[] } {
        this.knownModel(model);
        this.flush();
        // Deletes are inferred only here, by a run that got this far, and applied only with its next
        // checkpoint: a run that fails before never deletes, and a record saved again meanwhile stays.
        const deletedKeys = this.run.store.unseenKeys(model);
        this.tracking.delete(model);
        this.ending.add(model);
        stepBoundary('trackDeletesEnd');
        return { deletedKeys };
    }

    deleteRecordsFromPreviousExecutions(model: string): { deletedKeys: string[] } {
        return this.trackDeletesEnd(model);
    }

    async setMergingStrategy(merging: { strategy: string }): Promise<void> {
        if (this.mergingStrategyLocked) {
            throw new ScriptError('invalid_call', 'setMergingStrategy must be called before any batch or proxy call, as Nango requires.');
        }
        if (merging.strategy !== 'override') {
            this.run.log({ level: 'warn', message: `Merging strategy "${merging.strategy}" has no effect locally: one run writes at a time.` });
        }
    }

    override async proxy<T>(config: Parameters<LocalNangoAction['proxy']>[0]) {
        this.mergingStrategyLocked = true;
        return super.proxy<T>(config);
    }

    async saveCheckpoint(checkpoint: unknown): Promise<void> {
        this.throwIfAbortedOrKilled();
        this.pending.checkpoint = validateCheckpoint(this.checkpointSchema, checkpoint);
        // An ended tracking commits at once: its deletes wait for this checkpoint (see the class).
        if (this.ending.size > 0 || performance.now() - this.lastCommitAt >= commitEveryMs) this.commitCheckpoint();
    }

    override async clearCheckpoint(): Promise<void> {
        this.pending.checkpoint = null;
        this.commitCheckpoint();
    }

    /** The run's successful end: commits what is held, and the deletes of every tracking the script ended. */
    finish(): void {
        this.commitCheckpoint();
    }

    /** Commits what the script saved since its last checkpoint; ended trackings wait for a checkpoint. A failed run calls it. */
    flush(): void {
        if (this.pendingCount === 0 && this.pending.checkpoint === undefined && this.pending.endTracking === undefined) return;
        stepBoundary(this.pending.checkpoint === undefined ? 'before commit' : 'before checkpoint commit');
        const counts = this.run.store.commit(this.pending);
        this.counts.added += counts.added;
        this.counts.updated += counts.updated;
        this.counts.deleted += counts.deleted;
        this.pending = emptyWrites();
        this.pendingCount = 0;
        this.lastCommitAt = performance.now();
        stepBoundary('after commit');
    }

    private commitCheckpoint(): void {
        if (this.ending.size > 0) {
            this.pending.endTracking = [...this.ending];
            this.ending.clear();
        }
        this.flush();
    }

    private hold(count: number, add: (pending: PendingWrites) => void): void {
        this.throwIfAbortedOrKilled();
        this.mergingStrategyLocked = true;
        add(this.pending);
        this.pendingCount += count;
        this.flushWhenFull();
    }

    private flushWhenFull(): void {
        if (this.pendingCount >= maxPendingRecords) this.flush();
    }

    private checkedRecords(records: unknown[], model: string): ScriptRecord[] {
        // Ids first: the batch is de-duplicated by id, whatever the model's schema says about it.
        const withIds = this.checkedIds(records, model);
        const schema = this.knownModel(model);
        withIds.forEach((record, index) => validateAgainst(schema, record, model, index));
        return this.removeMetadata(withIds);
    }

    private checkedIds(records: unknown[], model: string): ScriptRecord[] {
        this.knownModel(model);
        if (!Array.isArray(records)) throw new ScriptError('invalid_call', `Batch calls for "${model}" need an array of records.`);
        records.forEach((record, index) => {
            const id = (record as { id?: unknown } | null)?.id;
            if (typeof id !== 'string' || id.length === 0) {
                throw new InvalidRecordError(model, 'id', `${model} record ${index} is invalid at id: a string id is required.`, {
                    hint: 'Give every record a non-empty string `id`, unique within its model.',
                });
            }
        });
        return records as ScriptRecord[];
    }

    private knownModel(model: string): ZodType {
        const schema = this.models[model];
        if (schema === undefined) {
            throw new NotFoundError('model', model, `The sync has no model "${model}".`, { hint: `Its models: ${Object.keys(this.models).join(', ')}.` });
        }
        return schema;
    }
}

type LocalNangoAction = InstanceType<ReturnType<typeof withLocalRuntime>>;

function emptyWrites(): PendingWrites {
    return { saves: [], updates: [], deletes: [] };
}
