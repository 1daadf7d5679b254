import type { RequestContext } from '../http/context.js';
import type { ActivityType } from '../tenant/activity-types.js';
import type { Json, UserRecord } from '../tenant/records.js';
import type { Tenant } from '../tenant/tenant.js';

/** Records an audit activity about a user. */
export function auditUser(tenant: Tenant, context: RequestContext, type: ActivityType, record: UserRecord, description: string): void {
    tenant.activities.record(
        type,
        [{ type: 'USER', id: String(record.body.id), name: String(record.body.username), populationId: String((record.body.population as Json).id) }],
        context.actor,
        description,
    );
}
