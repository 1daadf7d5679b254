// Deletes several resources one DELETE at a time (a user's sessions, a user's MFA devices) and says
// exactly how far it got. It stops at the first failure: whatever made one fail (a missing role, a
// rate limit, PingOne down) would most likely fail the rest, and the caller can run it again.
import type { NangoAction } from 'nango';

import * as z from 'zod';

import type { PingOneContext } from './connection.js';
import { describeFailure, fail } from './errors.js';
import { tryDelete } from './http.js';
import type { Raw } from './mappers.js';
import { allItems, type CollectionRequest } from './paging.js';
import type { RoleNeed } from './pingone.js';

export interface DeleteEachOutcome {
    /** Deleted by this run. */
    deleted: string[];
    /** Gone before this run reached them (PingOne answered 404: expired, or removed by someone else). */
    alreadyGone: string[];
}

/** What an action that deletes all of a user's sessions or devices returns. */
export const DeletedEach = z.object({
    userId: z.string(),
    deleted: z.array(z.string()).describe('Deleted by this run.'),
    alreadyGone: z.array(z.string()).describe('Gone before this run reached them.'),
});

interface EachRequest {
    ids: readonly string[];
    endpoint: (id: string) => string;
    /** The thing, e.g. "session": used in messages. */
    what: string;
    roles: RoleNeed;
}

type EachNango = Pick<NangoAction, 'proxy' | 'ActionError'>;

function codeOf(error: unknown): string {
    const code = (error as { payload?: { code?: unknown } } | null)?.payload?.code;
    return typeof code === 'string' ? code : 'network_error';
}

/** Deletes every ID; on a failure, throws `partially_done` (or the failure itself when nothing was deleted yet). */
export async function deleteEach(nango: EachNango, request: EachRequest): Promise<DeleteEachOutcome> {
    const outcome: DeleteEachOutcome = { deleted: [], alreadyGone: [] };
    for (const [index, id] of request.ids.entries()) {
        const context = { doing: `delete the ${request.what} ${id}`, roles: request.roles };
        let error: Error;
        try {
            const result = await tryDelete(nango, { method: 'DELETE', endpoint: request.endpoint(id), ...context });
            if (result.ok) {
                (result.alreadyGone ? outcome.alreadyGone : outcome.deleted).push(id);
                continue;
            }
            if (result.failure.status === 404) {
                outcome.alreadyGone.push(id);
                continue;
            }
            error = fail(nango, describeFailure(result.failure, context));
        } catch (thrown) {
            error = thrown instanceof Error ? thrown : new Error(String(thrown));
        }
        if (outcome.deleted.length === 0 && outcome.alreadyGone.length === 0) throw error;
        throw fail(nango, {
            code: 'partially_done',
            message: `Deleted ${outcome.deleted.length} of ${request.ids.length} ${request.what}s, then the delete of ${id} failed (${codeOf(error)}): ${error.message}`,
            hint: 'Run the action again: what is already deleted is not deleted twice, and the rest is tried again.',
            ...outcome,
            failed: { id, code: codeOf(error) },
            notAttempted: request.ids.slice(index + 1),
        });
    }
    return outcome;
}

/** Lists a collection (a user's sessions or devices), then deletes every item of it as `deleteEach` does. */
export async function deleteListed(
    nango: EachNango,
    context: PingOneContext,
    listing: CollectionRequest,
    each: Omit<EachRequest, 'ids' | 'endpoint'>,
): Promise<DeleteEachOutcome> {
    const items = await allItems<Raw>(nango, context, listing);
    const ids = items.map((item) => String(item['id']));
    return deleteEach(nango, { ...each, ids, endpoint: (id) => `${listing.path}/${encodeURIComponent(id)}` });
}
