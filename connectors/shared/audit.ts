// Reading PingOne's audit log: a window of `recordedAt`, optionally narrowed to one resource type.
import * as z from 'zod';

import type { PingOneContext } from './connection.js';
import type { CollectionRequest } from './paging.js';

/** The metadata field of every sync that reads the audit log. */
export const AuditLookbackMetadata = z.object({
    auditLookbackMinutes: z
        .number()
        .min(0)
        .max(1440)
        .optional()
        .describe('How far before the last checkpoint each run re-reads, for late events (default 10 minutes).'),
});

export interface AuditWindow {
    /** Exclusive lower bound, ISO 8601. */
    from: string;
    /** Exclusive upper bound, ISO 8601. */
    to: string;
}

/**
 * A documented activities filter: the date range PingOne requires, plus at most one narrowing term
 * (here a resource type: `resources.type eq "USER"` catches every event on users without naming
 * action types), optionally with a population ID ("resource type and optional population ID").
 * https://developer.pingidentity.com/pingone-api/platform/audit-activities/get-user-activities.html
 * Its length is bounded (two timestamps, a type name and an ID), so it always fits the query string.
 */
export function auditFilter(window: AuditWindow, resourceType?: string, populationId?: string): string {
    const range = `recordedAt gt "${window.from}" and recordedAt lt "${window.to}"`;
    const typed = resourceType === undefined ? range : `${range} and resources.type eq "${resourceType}"`;
    return populationId === undefined ? typed : `${typed} and resources.population.id eq "${populationId}"`;
}

export function auditRequest(context: PingOneContext, window: AuditWindow, resourceType?: string, populationId?: string): CollectionRequest {
    return {
        path: `${context.environmentPath}/activities`,
        embedded: 'activities',
        params: { filter: auditFilter(window, resourceType, populationId) },
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
