// Reading PingOne's audit log: a window of `recordedAt`, optionally narrowed to some action types.
import type { PingOneContext } from './connection.js';
import type { CollectionRequest } from './paging.js';

export interface AuditWindow {
    /** Exclusive lower bound, ISO 8601. */
    from: string;
    /** Exclusive upper bound, ISO 8601. */
    to: string;
}

/** The filter PingOne requires on `/activities` (a date range), plus the action types asked for. */
export function auditFilter(window: AuditWindow, actionTypes: readonly string[] = []): string {
    const range = `recordedAt gt "${window.from}" and recordedAt lt "${window.to}"`;
    if (actionTypes.length === 0) {
        return range;
    }
    const types = actionTypes.map((type) => `action.type eq "${type}"`).join(' or ');
    return `(${range}) and (${types})`;
}

export function auditRequest(context: PingOneContext, window: AuditWindow, actionTypes?: readonly string[]): CollectionRequest {
    return {
        path: `${context.environmentPath}/activities`,
        embedded: 'activities',
        params: { filter: auditFilter(window, actionTypes) },
        doing: 'read the audit activities',
        roles: 'auditRead',
    };
}

/** `now` minus some minutes, as PingOne writes timestamps. */
export function minutesBefore(iso: string, minutes: number): string {
    return new Date(Date.parse(iso) - minutes * 60_000).toISOString();
}
