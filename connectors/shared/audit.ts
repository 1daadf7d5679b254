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

/**
 * Where the next window of the audit log starts, given where the last one ended: `lookbackMinutes`
 * earlier for events PingOne records late, and 1 ms earlier still because both bounds of the filter
 * are exclusive (`gt`, `lt`; PingOne documents no `ge`): an event stamped exactly at the last
 * window's end belongs to the next one. Events read twice are de-duplicated by their readers.
 */
export function windowStart(lastEnd: string, lookbackMinutes: number): string {
    return new Date(Date.parse(lastEnd) - lookbackMinutes * 60_000 - 1).toISOString();
}

/** `now` minus some minutes, as PingOne writes timestamps. */
export function minutesBefore(iso: string, minutes: number): string {
    return new Date(Date.parse(iso) - minutes * 60_000).toISOString();
}
