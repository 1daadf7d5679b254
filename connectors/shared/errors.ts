// PingOne error bodies and transport failures, turned into ActionErrors a person can act on.
// The payload keeps PingOne's own `code`, `details[].code` and `target` so callers can branch on them.
import type { NangoAction } from 'nango';

import { grantedWhere, ROLES, type RoleNeed } from './pingone.js';

export interface ErrorPayload {
    code: string;
    message: string;
    [key: string]: unknown;
}

type ActionErrorFactory = Pick<NangoAction, 'ActionError'>;

export function fail(nango: ActionErrorFactory, payload: ErrorPayload): Error {
    return new nango.ActionError(payload);
}

export interface PingOneErrorDetail {
    code?: string;
    target?: string;
    message?: string;
    existingId?: string;
}

export interface PingOneFailure {
    status: number;
    code?: string;
    id?: string;
    message?: string;
    details: PingOneErrorDetail[];
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function str(value: unknown): string | undefined {
    return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** The HTTP status PingOne answered with, from an ActionError made by `describeFailure` (else undefined). */
export function pingOneStatus(error: unknown): number | undefined {
    const status = (error as { payload?: { pingone?: { status?: unknown } } } | null)?.payload?.pingone?.status;
    return typeof status === 'number' ? status : undefined;
}

/** Reads the status and PingOne body from whatever the proxy threw (Axios-style `response`, or a bare `status`). */
export function readFailure(error: unknown): PingOneFailure | undefined {
    const err = asRecord(error);
    const response = asRecord(err?.['response']);
    const status = response?.['status'] ?? err?.['status'];
    if (typeof status !== 'number') {
        return undefined;
    }
    let body: unknown = response?.['data'];
    if (typeof body === 'string') {
        try {
            body = JSON.parse(body);
        } catch {
            body = undefined;
        }
    }
    const record = asRecord(body);
    const rawDetails = Array.isArray(record?.['details']) ? (record['details'] as unknown[]) : [];
    const details = rawDetails.map((raw): PingOneErrorDetail => {
        const detail = asRecord(raw);
        const inner = asRecord(detail?.['innerError']);
        return compactDetail({
            code: str(detail?.['code']),
            target: str(detail?.['target']),
            message: str(detail?.['message']),
            existingId: str(inner?.['existingId']),
        });
    });
    const code = str(record?.['code']);
    const id = str(record?.['id']);
    const message = str(record?.['message']);
    return { status, ...(code ? { code } : {}), ...(id ? { id } : {}), ...(message ? { message } : {}), details };
}

function compactDetail(detail: Record<keyof PingOneErrorDetail, string | undefined>): PingOneErrorDetail {
    return Object.fromEntries(Object.entries(detail).filter(([, v]) => v !== undefined)) as PingOneErrorDetail;
}

function rolesSentence(need: RoleNeed): string {
    const roles: readonly string[] = ROLES[need];
    return roles.length === 1 ? `the ${roles[0]} role` : `one of the roles ${roles.slice(0, -1).join(', ')} or ${roles[roles.length - 1]}`;
}

export type FailureContext = {
    /** What was being done, e.g. "create the user": used in the message. */
    doing: string;
} & (
    | {
          /** The roles this call needs: named in the message on a 403. */
          roles: RoleNeed;
      }
    | {
          /** A self-service call: the p1:* scope the signed-on user's token needs, named on a 403. */
          scope: string;
      }
);

function forbidden(context: FailureContext): { message: string; hint: string } {
    if ('scope' in context) {
        return {
            message: `PingOne denied permission to ${context.doing}. The signed-on user's token needs the scope ${context.scope}.`,
            hint: `In PingOne, add ${context.scope} to the OIDC Web App's Resources tab, then sign on again asking for it.`,
        };
    }
    return {
        message: `PingOne denied permission to ${context.doing}. The app or admin needs ${rolesSentence(context.roles)} ${grantedWhere(context.roles)}.`,
        hint: `In PingOne, open the application (or the admin user) > Roles, and grant the role ${grantedWhere(context.roles)}.`,
    };
}

/** Maps a PingOne failure to a stable code and a plain message; PingOne's own codes ride along. */
export function describeFailure(failure: PingOneFailure, context: FailureContext): ErrorPayload {
    const pingone = {
        status: failure.status,
        ...(failure.code ? { code: failure.code } : {}),
        ...(failure.id ? { id: failure.id } : {}),
        details: failure.details,
    };
    const first = failure.details[0];
    const said = first?.message ?? failure.message;
    const base = { pingone, ...(first?.target ? { target: first.target } : {}) };
    if (failure.status === 401) {
        return {
            code: 'unauthorized',
            message: `PingOne refused the access token while trying to ${context.doing}.`,
            hint: 'Reconnect: the token is invalid or expired.',
            ...base,
        };
    }
    if (failure.status === 403) {
        return { code: 'scope' in context ? 'missing_scope' : 'missing_role', ...forbidden(context), ...base };
    }
    if (failure.status === 404) {
        return { code: 'not_found', message: `Could not ${context.doing}: PingOne found no such resource${said ? ` (${said})` : ''}.`, ...base };
    }
    if (failure.status === 429) {
        return { code: 'rate_limited', message: `PingOne rate-limited the request to ${context.doing}; retry later.`, ...base };
    }
    if (failure.status >= 500) {
        return { code: 'pingone_unavailable', message: `PingOne failed (HTTP ${failure.status}) while trying to ${context.doing}; retry later.`, ...base };
    }
    const targets = failure.details.map((d) => d.target).filter((t): t is string => t !== undefined);
    return {
        code: 'invalid_request',
        message: `PingOne rejected the request to ${context.doing}${targets.length ? ` (field ${targets.join(', ')})` : ''}: ${said ?? `HTTP ${failure.status}`}.`,
        ...base,
    };
}
