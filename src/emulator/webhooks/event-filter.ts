// Which audit activities a subscription delivers: its `filterOptions`, as the data model describes them
// (https://developer.pingidentity.com/pingone-api/platform/subscriptions-webhooks.html).
import type { Json } from '../tenant/records.js';

function ids(list: unknown): string[] | undefined {
    return Array.isArray(list) && list.length > 0 ? list.map((item) => String((item as Json).id)) : undefined;
}

/**
 * The action type must be one of `includedActionTypes`. `includedPopulations` "matches events for users in
 * the specified populations, as opposed to events generated in which the user in one of the populations is
 * the actor": a resource's population. `includedApplications`: events whose acting client is one of them.
 */
export function subscriptionMatches(filter: Json, activity: Json): boolean {
    const type = (activity.action as Json | undefined)?.type;
    if (!(filter.includedActionTypes as string[]).includes(String(type))) return false;
    const populations = ids(filter.includedPopulations);
    if (populations !== undefined) {
        const resources = Array.isArray(activity.resources) ? (activity.resources as Json[]) : [];
        if (!resources.some((resource) => populations.includes(String((resource.population as Json | undefined)?.id)))) return false;
    }
    const applications = ids(filter.includedApplications);
    if (applications !== undefined) {
        const client = ((activity.actors as Json | undefined)?.client as Json | undefined)?.id;
        if (!applications.includes(String(client))) return false;
    }
    return true;
}
