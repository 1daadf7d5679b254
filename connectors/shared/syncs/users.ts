// Users: a checkpointed full scan, then incremental runs driven by the audit log (PingOne cannot
// filter users by `updatedAt`), with a full reconciliation at an interval to catch anything the log
// missed and to detect deletes wholesale.
import type { NangoSync } from 'nango';
import * as z from 'zod';

import { AuditLookbackMetadata, auditRequest, windowStart, type AuditWindow } from '../audit.js';
import { chunks } from '../batches.js';
import { readPingOneContext, type PingOneContext } from '../connection.js';
import { defineSync } from '../define.js';
import { mapBounded, type FanOutLimits } from '../fan-out.js';
import { fanOutLimits, PacingMetadata } from '../fan-out-limits.js';
import { toUser, type Raw } from '../mappers.js';
import { readMetadata } from '../metadata.js';
import { User } from '../models.js';
import { pages } from '../paging.js';
import { outsideScope, PopulationScopeMetadata } from '../population-scope.js';
import { readUserIfExists } from '../requests.js';
import { deliveredActivities, USER_EVENT_TYPES, usersNamedBy } from '../user-events.js';
import { decodePositions, describePlan, encodePositions, partitionedUserPages, planUserPartitions } from '../user-partitions.js';

const UsersMetadata = PacingMetadata.extend({
    fullReconciliationHours: z.number().positive().max(8760).optional().describe('Hours between full reconciliations (default 24).'),
})
    .extend(AuditLookbackMetadata.shape)
    .extend(PopulationScopeMetadata.shape);

const UsersCheckpoint = z.object({
    /** Where the next incremental run reads the audit log from: the start of the last run. */
    changesSince: z.string(),
    /** When the last completed full scan started; empty before the first. */
    lastFullScanAt: z.string(),
    /** While a full scan is under way: when it started (empty otherwise). */
    fullScanStartedAt: z.string(),
    /** While a full scan is under way: where each population's cursor is (JSON; see user-partitions.ts). */
    scanPositions: z.string(),
});
type UsersCheckpoint = z.infer<typeof UsersCheckpoint>;

type UsersNango = NangoSync<{ User: typeof User }, typeof UsersMetadata, typeof UsersCheckpoint>;

const HOUR = 3_600_000;
const EMPTY: UsersCheckpoint = { changesSince: '', lastFullScanAt: '', fullScanStartedAt: '', scanPositions: '' };

async function fullUserScan(
    nango: UsersNango,
    context: PingOneContext,
    run: { checkpoint: UsersCheckpoint; runStart: string; limits: FanOutLimits; populationIds: readonly string[] | undefined },
): Promise<void> {
    const { checkpoint, runStart, limits, populationIds } = run;
    const resuming = checkpoint.fullScanStartedAt !== '';
    const startedAt = resuming ? checkpoint.fullScanStartedAt : runStart;
    await nango.log(resuming ? `Resuming the full user scan begun at ${startedAt}` : 'Full user scan');
    await nango.trackDeletesStart('User');
    // A checkpoint of an earlier version, or one that does not parse, starts the pages over; the
    // tracking window stays open, so nothing already read is lost.
    const positions = (resuming ? decodePositions(checkpoint.scanPositions) : undefined) ?? (await planUserPartitions(nango, context, populationIds));
    await nango.log(`Reading users with ${describePlan(positions)}`);
    for await (const { key, value: page } of partitionedUserPages(nango, context, positions)) {
        await nango.batchSave(page.items.map(toUser), 'User');
        positions[key] = page.nextPath ?? null;
        await nango.saveCheckpoint({ ...checkpoint, fullScanStartedAt: startedAt, scanPositions: encodePositions(positions) });
    }
    // The order matters: the last page is saved, trackDeletesEnd names the users the scan did not see,
    // each is read again, and only the checkpoint below says the scan is complete. The harness commits
    // the deletes with that checkpoint, less the users saved again, so a run killed anywhere before it
    // resumes at the last pages with the same tracking still open and never shows a live user deleted.
    // (On Nango, trackDeletesEnd deletes at once and the re-reads below bring back the users it should
    // not have deleted: docs/guarantees.md.)
    const { deletedKeys } = (await nango.trackDeletesEnd('User')) ?? { deletedKeys: [] };
    // A cursor may skip a user when others are deleted while the scan pages (PingOne does not say
    // its cursors are stable): each user the scan did not see is read once more, and kept if PingOne
    // still has it.
    const kept = await rereadUsers(nango, context, deletedKeys, { limits, populationIds });
    if (kept > 0) {
        await nango.log(`${kept} user(s) the scan's paging missed are still in PingOne: kept`, { level: 'warn' });
    }
    // Changes made while the scan ran may be missing from it: the audit log is read from its start.
    await nango.saveCheckpoint({ changesSince: startedAt, lastFullScanAt: startedAt, fullScanStartedAt: '', scanPositions: '' });
}

/**
 * Reads each user again: saves those PingOne has, deletes those it does not (or, for a connection
 * scoped to populations, those now outside them). Returns how many it has.
 */
async function rereadUsers(
    nango: UsersNango,
    context: PingOneContext,
    ids: readonly string[],
    { limits, populationIds }: { limits: FanOutLimits; populationIds: readonly string[] | undefined },
): Promise<number> {
    let found = 0;
    const gone = outsideScope(nango, context, populationIds);
    for (const batch of chunks(ids)) {
        const reads = await mapBounded(batch, limits, async (id) => ({ id, user: await readUserIfExists(nango, context, id, gone) }));
        const saved = reads.flatMap((read) => (read.user ? [read.user] : []));
        const deleted = reads.filter((read) => !read.user).map((read) => ({ id: read.id }));
        if (saved.length > 0) {
            await nango.batchSave(saved, 'User');
        }
        if (deleted.length > 0) {
            await nango.batchDelete(deleted, 'User');
        }
        found += saved.length;
    }
    return found;
}

/**
 * Every user an audit event of the window names: all events on USER resources, whatever their action
 * type; for a connection scoped to populations, the events of each of them.
 */
async function changedUserIds(
    nango: UsersNango,
    context: PingOneContext,
    window: AuditWindow,
    populationIds: readonly string[] | undefined,
): Promise<string[]> {
    // The IDs of each page, not its activities, are kept: a day's audit log can be large.
    const ids = new Set<string>();
    for (const populationId of populationIds ?? [undefined]) {
        for await (const page of pages<Raw>(nango, context, auditRequest(context, window, 'USER', populationId))) {
            for (const id of usersNamedBy(page.items)) ids.add(id);
        }
    }
    return [...ids];
}

/**
 * A webhook delivery (a subscription's batch of audit activities): each user it names is read again and
 * saved, or deleted if PingOne answers 404 for them (or, on a connection scoped to populations, they are
 * now outside them); the event itself is never taken as the user's state, and no delete is inferred
 * from it. The checkpoint is left alone: the next poll reads the audit log as it would have, and
 * catches whatever a lost delivery missed.
 */
async function onUsersWebhook(nango: UsersNango, payload: unknown): Promise<void> {
    const ids = usersNamedBy(deliveredActivities(payload));
    if (ids.length === 0) return;
    const context = await readPingOneContext(nango);
    const { populationIds } = await readMetadata(nango, UsersMetadata);
    await nango.log(`A webhook delivery names ${ids.length} user(s): reading them again`);
    // A connection scoped to populations keeps only its populations' users, as its poll does.
    await rereadUsers(nango, context, ids, { limits: await fanOutLimits(nango), populationIds });
}

interface IncrementalRun {
    checkpoint: UsersCheckpoint;
    runStart: string;
    lookbackMinutes: number;
    limits: FanOutLimits;
    populationIds: readonly string[] | undefined;
}

async function incremental(
    nango: UsersNango,
    context: PingOneContext,
    { checkpoint, runStart, lookbackMinutes, limits, populationIds }: IncrementalRun,
): Promise<void> {
    const from = windowStart(checkpoint.changesSince, lookbackMinutes);
    const ids = await changedUserIds(nango, context, { from, to: runStart }, populationIds);
    await nango.log(`${ids.length} user(s) changed since ${from}`);
    // Re-read each user rather than trust the events: the record is PingOne's current state, and a
    // user created then deleted within the window is simply not there.
    await rereadUsers(nango, context, ids, { limits, populationIds });
    // Only now, with every change read: a failed run leaves the checkpoint where it was.
    await nango.saveCheckpoint({ ...checkpoint, changesSince: runStart });
}

export const users = defineSync({
    name: 'users',
    description:
        'Every user in the environment. The first run reads them all (resumable page by page); later runs re-read only the users that audit events of any kind name (created, changed, enabled or disabled, moved, regrouped, ...), and delete the deleted ones. A full reconciliation runs every `fullReconciliationHours` (metadata, default 24).',
    roles: ['identityRead', 'auditRead'],
    frequency: 'every 15m',
    models: { User },
    metadata: UsersMetadata,
    checkpoint: UsersCheckpoint,
    webhook: { types: USER_EVENT_TYPES, handle: onUsersWebhook },
    run: async (nango, saved) => {
        const context = await readPingOneContext(nango);
        const settings = await readMetadata(nango, UsersMetadata);
        // Fields a checkpoint of an earlier version lacks read as empty.
        const checkpoint = { ...EMPTY, ...saved };
        const runStart = new Date().toISOString();
        const interval = (settings.fullReconciliationHours ?? 24) * HOUR;
        const fullDue =
            checkpoint.fullScanStartedAt !== '' || checkpoint.lastFullScanAt === '' || Date.parse(runStart) - Date.parse(checkpoint.lastFullScanAt) >= interval;
        const limits = await fanOutLimits(nango);
        if (fullDue) {
            await fullUserScan(nango, context, { checkpoint, runStart, limits, populationIds: settings.populationIds });
        } else {
            await incremental(nango, context, {
                checkpoint,
                runStart,
                lookbackMinutes: settings.auditLookbackMinutes ?? 10,
                limits,
                populationIds: settings.populationIds,
            });
        }
    },
});
