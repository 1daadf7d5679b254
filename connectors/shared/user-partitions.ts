// A full user scan split by population: every PingOne user belongs to exactly one population (a user
// created without one goes to the default population: https://apidocs.pingidentity.com/pingone/customer/v1/api/man/p1_Users/ ),
// and `population.id eq` is a documented users filter
// (https://docs.pingidentity.com/pingone/directory/p1_scim_filter_language.html), so one cursor per
// population covers the collection, and the cursors can run at once.
//
// What the split cannot see is caught elsewhere: a population created while the scan runs is not in
// the plan, so its users are not read by this scan; those it already stored are among the users the
// scan did not see, which the users sync reads once more before any delete, and new ones are read by
// the next incremental run, which reads the audit log from the scan's start.
import * as z from 'zod';

import type { PingOneContext } from './connection.js';
import { interleave } from './interleave.js';
import type { Raw } from './mappers.js';
import { allItems, resumedPages, type Page } from './paging.js';
import { populationFilter } from './pingone.js';
import { usersRequest } from './requests.js';

/**
 * Where each population's cursor is: the next page's path, `''` before its first page, `null` once
 * its last page is saved. Saved in the checkpoint as JSON (Nango's checkpoints are flat objects).
 */
const Positions = z.record(z.string().min(1).max(64), z.string().max(4096).nullable());
export type Positions = z.infer<typeof Positions>;

type ScanNango = Parameters<typeof resumedPages>[0];

/** The most populations a scan splits into; past it, one cursor over the whole collection. */
const MAX_PARTITIONS = 64;
/** The key of the single cursor over the unfiltered collection. */
const WHOLE = '*';

export function encodePositions(positions: Positions): string {
    return JSON.stringify(positions);
}

/** The positions a checkpoint holds, or undefined when it holds none this scan can use (the scan starts over). */
export function decodePositions(text: string): Positions | undefined {
    if (text === '') return undefined;
    try {
        const parsed = Positions.safeParse(JSON.parse(text));
        return parsed.success && Object.keys(parsed.data).length > 0 ? parsed.data : undefined;
    } catch {
        return undefined;
    }
}

/**
 * A new plan: one cursor per population, or one over the whole collection when there are too many to
 * split by; for a connection scoped to populations (population-scope.ts), one cursor for each of those.
 */
export async function planUserPartitions(nango: ScanNango, context: PingOneContext, populationIds?: readonly string[]): Promise<Positions> {
    if (populationIds !== undefined) return Object.fromEntries(populationIds.map((id) => [id, '']));
    const populations = await allItems<Raw>(nango, context, {
        path: `${context.environmentPath}/populations`,
        embedded: 'populations',
        doing: 'list populations',
        roles: 'identityRead',
    });
    const ids = populations.map((population) => population['id']).filter((id): id is string => typeof id === 'string');
    if (ids.length === 0 || ids.length > MAX_PARTITIONS) return { [WHOLE]: '' };
    return Object.fromEntries(ids.map((id) => [id, '']));
}

/** How the scan reads, for its log. */
export function describePlan(positions: Positions): string {
    const keys = Object.keys(positions);
    return keys.length === 1 && keys[0] === WHOLE ? 'one cursor over every user' : `${keys.length} cursors at once, one per population`;
}

function partitionRequest(context: PingOneContext, key: string) {
    return key === WHOLE ? usersRequest(context) : usersRequest(context, populationFilter(key));
}

/** The pages of every unfinished partition, as they arrive, each with its partition's key. */
export function partitionedUserPages(nango: ScanNango, context: PingOneContext, positions: Positions): AsyncGenerator<{ key: string; value: Page<Raw> }> {
    const sources = new Map<string, AsyncIterator<Page<Raw>>>();
    for (const [key, position] of Object.entries(positions)) {
        if (position === null) continue;
        sources.set(key, resumedPages<Raw>(nango, context, partitionRequest(context, key), position === '' ? undefined : position));
    }
    return interleave(sources);
}
