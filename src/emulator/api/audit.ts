import type { RequestContext } from '../http/context.js';
import type { ActivityResource } from '../tenant/activity-log.js';
import type { ActivityType } from '../tenant/activity-types.js';
import type { Json, UserRecord } from '../tenant/records.js';
import type { Tenant } from '../tenant/tenant.js';

/** A user as an audit-activity resource (with its population, which activity filters can match). */
export function userResource(record: UserRecord): ActivityResource {
    return { type: 'USER', id: String(record.body.id), name: String(record.body.username), populationId: String((record.body.population as Json).id) };
}

/** Records an audit activity about a user, and about anything else the change touched. */
export function auditUser(
    tenant: Tenant,
    context: RequestContext | undefined,
    type: ActivityType,
    record: UserRecord,
    description: string,
    others: ActivityResource[] = [],
): void {
    tenant.activities.record(type, [userResource(record), ...others], context?.actor, description);
}
