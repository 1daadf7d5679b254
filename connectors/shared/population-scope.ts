// A connection whose roles are granted for some populations rather than the environment: PingOne lets
// such an admin manage the identities of those populations "but not in other populations"
// (https://docs.pingidentity.com/pingone/directory/p1_populations.html). It names them in connection
// metadata (`populationIds`), and the users sync then reads those populations only: each list and
// audit read is confined to one population by its filter (`population.id eq`, a documented users
// filter; the activities filter's "resource type and optional population ID" form,
// https://developer.pingidentity.com/pingone-api/platform/audit-activities/get-user-activities.html).
import * as z from 'zod';

import { GUID, type PingOneContext } from './connection.js';
import type { PingOneFailure } from './errors.js';
import { tryCall, type CallResult, type ProxyNango } from './http.js';
import { populationFilter } from './pingone.js';
import { usersRequest } from './requests.js';

export const PopulationScopeMetadata = z.object({
    populationIds: z
        .array(z.string().regex(GUID, 'a population ID is a UUID (Directory → Populations → the population → Population ID)'))
        .min(1)
        .max(64)
        .refine((ids) => new Set(ids.map((id) => id.toLowerCase())).size === ids.length, 'each population ID once')
        .optional()
        .describe('Read only these populations (for roles granted at POPULATION scope); default every population.'),
});

/** One user of the population, to learn whether the token may read its users (a probe: no record is kept). */
export function readPopulationUsers(nango: ProxyNango, context: PingOneContext, populationId: string, doing: string): Promise<CallResult<unknown>> {
    const request = usersRequest(context, populationFilter(populationId));
    return tryCall(nango, { method: 'GET', endpoint: request.path, params: { ...request.params, limit: 1 }, idempotent: true, doing, roles: 'identityRead' });
}

/**
 * For a connection scoped to populations, a user PingOne refuses to show (403) is outside them (moved
 * to another population) when the scope still reads its first population: the same role is intact.
 * The answer is asked once per run. A 404 is gone for every connection.
 */
export function outsideScope(
    nango: ProxyNango,
    context: PingOneContext,
    populationIds: readonly string[] | undefined,
): (failure: PingOneFailure) => Promise<boolean> {
    let scopeReadable: Promise<boolean> | undefined;
    return async (failure) => {
        if (failure.status === 404) return true;
        if (failure.status !== 403 || populationIds === undefined) return false;
        scopeReadable ??= readPopulationUsers(nango, context, populationIds[0]!, 'check that the populations are still readable').then((result) => result.ok);
        return scopeReadable;
    };
}
