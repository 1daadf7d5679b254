// Users: a checkpointed full scan, then incremental runs driven by the audit log (PingOne cannot
// filter users by `updatedAt`), with a full reconciliation at an interval to catch anything the log
// missed and to detect deletes wholesale.
import type { NangoSync } from 'nango';
import * as z from 'zod';

import { auditRequest, minutesBefore } from '../audit.js';
import { chunks } from '../batches.js';
import { readPingOneContext, type PingOneContext } from '../connection.js';
import { defineSync } from '../define.js';
import { describeFailure, fail } from '../errors.js';
import { mapBounded, type FanOutLimits } from '../fan-out.js';
import { fanOutLimits, PacingMetadata } from '../fan-out-limits.js';
import { tryCall } from '../http.js';
import { toUser, type Raw } from '../mappers.js';
import { readMetadata } from '../metadata.js';
import { User } from '../models.js';
import { pages } from '../paging.js';
import { USER_CHANGE_ACTIONS } from '../pingone.js';

const UsersMetadata = PacingMetadata.extend({
    /** Hours between full reconciliations (default 24). */
    fullReconciliationHours: z.number().positive().optional(),
    /** How far before the last checkpoint each incremental run re-reads the audit log (default 10), for late events. */
    auditLookbackMinutes: z.number().min(0).optional(),
});

const UsersCheckpoint = z.object({
    /** Where the next incremental run reads the audit log from: the start of the last run. */
    changesSince: z.string(),
    /** When the last completed full scan started; empty before the first. */
    lastFullScanAt: z.string(),
    /** While a full scan is under way: when it started (empty otherwise). */
    fullScanStartedAt: z.string(),
    /** While a full scan is under way: the next page to read. */
    nextPath: z.string(),
});
type UsersCheckpoint = z.infer<typeof UsersCheckpoint>;

type UsersNango = NangoSync<{ User: typeof User }, typeof UsersMetadata, typeof UsersCheckpoint>;

const HOUR = 3_600_000;
const EMPTY: UsersCheckpoint = { changesSince: '', lastFullScanAt: '', fullScanStartedAt: '', nextPath: '' };

async function fullUserScan(nango: UsersNango, context: PingOneContext, checkpoint: UsersCheckpoint, runStart: string): Promise<void> {
    const resuming = checkpoint.fullScanStartedAt !== '';
    const startedAt = resuming ? checkpoint.fullScanStartedAt : runStart;
    await nango.log(resuming ? `Resuming the full user scan begun at ${startedAt}` : 'Full user scan');
    await nango.trackDeletesStart('User');
    const request = { path: `${context.environmentPath}/users`, embedded: 'users', doing: 'list users', roles: 'identityRead' } as const;
    for await (const page of pages<Raw>(nango, context, request, resuming && checkpoint.nextPath ? checkpoint.nextPath : undefined)) {
        await nango.batchSave(page.items.map(toUser), 'User');
        if (page.nextPath) {
            await nango.saveCheckpoint({ ...checkpoint, fullScanStartedAt: startedAt, nextPath: page.nextPath });
        }
    }
    await nango.trackDeletesEnd('User');
    // Changes made while the scan ran may be missing from it: the audit log is read from its start.
    await nango.saveCheckpoint({ changesSince: startedAt, lastFullScanAt: startedAt, fullScanStartedAt: '', nextPath: '' });
}

async function changedUserIds(nango: UsersNango, context: PingOneContext, from: string, to: string): Promise<string[]> {
    const ids = new Set<string>();
    for await (const page of pages<Raw>(nango, context, auditRequest(context, { from, to }, USER_CHANGE_ACTIONS))) {
        for (const activity of page.items) {
            const resources = Array.isArray(activity['resources']) ? (activity['resources'] as Raw[]) : [];
            for (const resource of resources) {
                if (resource['type'] === 'USER' && typeof resource['id'] === 'string') {
                    ids.add(resource['id']);
                }
            }
        }
    }
    return [...ids];
}

interface IncrementalRun {
    checkpoint: UsersCheckpoint;
    runStart: string;
    lookbackMinutes: number;
    limits: FanOutLimits;
}

async function incremental(nango: UsersNango, context: PingOneContext, { checkpoint, runStart, lookbackMinutes, limits }: IncrementalRun): Promise<void> {
    const from = minutesBefore(checkpoint.changesSince, lookbackMinutes);
    const ids = await changedUserIds(nango, context, from, runStart);
    await nango.log(`${ids.length} user(s) changed since ${from}`);
    for (const batch of chunks(ids)) {
        // Re-read each user rather than trust the event: the record is PingOne's current state.
        const reads = await mapBounded(batch, limits, async (id) => {
            const result = await tryCall<Raw>(nango, {
                method: 'GET',
                endpoint: `${context.environmentPath}/users/${id}`,
                idempotent: true,
                doing: 'read a changed user',
                roles: 'identityRead',
            });
            if (result.ok) {
                return { id, user: toUser(result.data) };
            }
            if (result.failure.status === 404) {
                return { id, user: undefined };
            }
            throw fail(nango, describeFailure(result.failure, { doing: 'read a changed user', roles: 'identityRead' }));
        });
        const saved = reads.flatMap((read) => (read.user ? [read.user] : []));
        const deleted = reads.filter((read) => !read.user).map((read) => ({ id: read.id }));
        if (saved.length > 0) {
            await nango.batchSave(saved, 'User');
        }
        if (deleted.length > 0) {
            await nango.batchDelete(deleted, 'User');
        }
    }
    await nango.saveCheckpoint({ ...checkpoint, changesSince: runStart });
}

export const users = defineSync({
    name: 'users',
    description:
        'Every user in the environment. The first run reads them all (resumable page by page); later runs re-read only the users the audit log shows as created, changed, enabled or disabled, moved or regrouped, and delete the deleted ones. A full reconciliation runs every `fullReconciliationHours` (metadata, default 24).',
    roles: ['identityRead', 'auditRead'],
    frequency: 'every 15m',
    models: { User },
    metadata: UsersMetadata,
    checkpoint: UsersCheckpoint,
    run: async (nango, saved) => {
        const context = await readPingOneContext(nango);
        const settings = await readMetadata(nango, UsersMetadata);
        const checkpoint = saved ?? EMPTY;
        const runStart = new Date().toISOString();
        const interval = (settings.fullReconciliationHours ?? 24) * HOUR;
        const fullDue =
            checkpoint.fullScanStartedAt !== '' || checkpoint.lastFullScanAt === '' || Date.parse(runStart) - Date.parse(checkpoint.lastFullScanAt) >= interval;
        if (fullDue) {
            await fullUserScan(nango, context, checkpoint, runStart);
        } else {
            await incremental(nango, context, {
                checkpoint,
                runStart,
                lookbackMinutes: settings.auditLookbackMinutes ?? 10,
                limits: await fanOutLimits(nango),
            });
        }
    },
});
