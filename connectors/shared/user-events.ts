// Audit activities that name users: what the users sync re-reads, whether the activities come from the
// audit log (a poll) or from a webhook delivery (https://developer.pingidentity.com/pingone-api/platform/subscriptions-webhooks.html:
// a subscription delivers "translated audit activities", the same objects as the activities API).
import type { Raw } from './mappers.js';
import { AUDIT_ACTION_TYPES } from './pingone.generated.js';

/** The action types of events on users: what a subscription feeding the users sync asks for. */
export const USER_EVENT_TYPES: readonly string[] = AUDIT_ACTION_TYPES.filter((type) => type.startsWith('USER.') || type.startsWith('PASSWORD.'));

/** The IDs of the USER resources the activities name, each once. */
export function usersNamedBy(activities: Iterable<Raw>): string[] {
    const ids = new Set<string>();
    for (const activity of activities) {
        const resources = Array.isArray(activity['resources']) ? (activity['resources'] as Raw[]) : [];
        for (const resource of resources) {
            if (resource['type'] === 'USER' && typeof resource['id'] === 'string') ids.add(resource['id']);
        }
    }
    return [...ids];
}

/**
 * The activities of a webhook delivery: PingOne sends "a batch of up to 500 events ... as an array"
 * (https://docs.pingidentity.com/pingone/integrations/p1_create_webhook.html); a single object is taken as
 * one event, anything else as none.
 */
export function deliveredActivities(payload: unknown): Raw[] {
    const items = Array.isArray(payload) ? (payload as unknown[]) : [payload];
    return items.filter((item): item is Raw => typeof item === 'object' && item !== null && !Array.isArray(item));
}
