// The audit log, append-only: each run reads from a little before where the last one stopped (late
// events), de-duplicated by activity id; the checkpoint moves page by page within a run.
import * as z from 'zod';

import { AuditLookbackMetadata, auditRequest, minutesBefore, windowStart } from '../audit.js';
import { readPingOneContext } from '../connection.js';
import { defineSync } from '../define.js';
import { toAuditActivity, type Raw } from '../mappers.js';
import { readMetadata } from '../metadata.js';
import { AuditActivity } from '../models.js';
import { resumedPages } from '../paging.js';

const AuditMetadata = z
    .object({ auditBackfillHours: z.number().positive().max(8760).optional().describe('How far back the first run reads (default 24 hours).') })
    .extend(AuditLookbackMetadata.shape);

const AuditCheckpoint = z.object({
    /** The end of the last completed window: the next window starts a lookback before it. */
    readUntil: z.string(),
    /** While a window is being read: its end, and the next page. */
    windowEnd: z.string(),
    nextPath: z.string(),
});

export const auditActivities = defineSync({
    name: 'audit-activities',
    description: 'The audit log (who did what to which resource, and the result), appended as it grows.',
    roles: ['auditRead'],
    frequency: 'every 5m',
    models: { AuditActivity },
    metadata: AuditMetadata,
    checkpoint: AuditCheckpoint,
    run: async (nango, saved) => {
        const context = await readPingOneContext(nango);
        const settings = await readMetadata(nango, AuditMetadata);
        const now = new Date().toISOString();
        const resuming = saved !== null && saved.windowEnd !== '' && saved.nextPath !== '';
        const readUntil = saved?.readUntil || minutesBefore(now, (settings.auditBackfillHours ?? 24) * 60);
        // A resumed window keeps its end; should PingOne refuse the saved page, it is read again whole.
        const window = { from: windowStart(readUntil, settings.auditLookbackMinutes ?? 10), to: resuming ? saved.windowEnd : now };
        for await (const page of resumedPages<Raw>(nango, context, auditRequest(context, window), resuming ? saved.nextPath : undefined)) {
            if (page.items.length > 0) {
                await nango.batchSave(page.items.map(toAuditActivity), 'AuditActivity');
            }
            if (page.nextPath) {
                await nango.saveCheckpoint({ readUntil, windowEnd: window.to, nextPath: page.nextPath });
            }
        }
        await nango.saveCheckpoint({ readUntil: window.to, windowEnd: '', nextPath: '' });
    },
});
