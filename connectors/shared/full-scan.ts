// A full read of a collection that survives a restart: each page's records are saved, then the next
// page's path is checkpointed, so a killed run resumes at the page it had not finished. Deletes are
// tracked across the whole scan (trackDeletesStart continues the window a killed run left open) and
// inferred only once the last page is saved, never after a failed or partial run. The harness applies
// them with the clearCheckpoint that follows, in one transaction, so a run killed between the two
// resumes at the last page with the window still open; on Nango, trackDeletesEnd applies them at once
// (docs/guarantees.md).
import type { NangoAction } from 'nango';
import * as z from 'zod';

import type { PingOneContext } from './connection.js';
import { resumedPages, type CollectionRequest } from './paging.js';
import type { Raw } from './mappers.js';

export const ScanCheckpoint = z.object({
    /** The next page to read (a path on the API origin); empty when the scan starts over. */
    nextPath: z.string(),
});
export type ScanCheckpoint = z.infer<typeof ScanCheckpoint>;

export interface ScanHost extends Pick<NangoAction, 'proxy' | 'ActionError' | 'log'> {
    trackDeletesStart(model: string): unknown;
    trackDeletesEnd(model: string): unknown;
    saveCheckpoint(checkpoint: ScanCheckpoint): Promise<void>;
    clearCheckpoint(): Promise<void>;
}

export interface Scan {
    /** The models whose deletes this scan detects. */
    models: readonly string[];
    request: CollectionRequest;
    /** Saves one page's records (and, for a fan-out sync, their children's). */
    onPage: (items: Raw[]) => Promise<void>;
}

export async function fullScan(nango: ScanHost, context: PingOneContext, checkpoint: ScanCheckpoint | null, scan: Scan): Promise<void> {
    for (const model of scan.models) {
        await nango.trackDeletesStart(model);
    }
    const resume = checkpoint?.nextPath ? checkpoint.nextPath : undefined;
    if (resume) {
        await nango.log(`Resuming the scan at ${resume}`);
    }
    for await (const page of resumedPages<Raw>(nango, context, scan.request, resume)) {
        await scan.onPage(page.items);
        if (page.nextPath) {
            await nango.saveCheckpoint({ nextPath: page.nextPath });
        }
    }
    for (const model of scan.models) {
        await nango.trackDeletesEnd(model);
    }
    await nango.clearCheckpoint();
}
