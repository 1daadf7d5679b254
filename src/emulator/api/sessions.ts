import type { Emulation } from '../emulation.js';
import { apiErrors } from '../http/api-error.js';
import type { RequestContext } from '../http/context.js';
import { json, noContent } from '../http/reply.js';
import type { Route } from '../http/router.js';
import { activityTypes } from '../tenant/activity-types.js';
import type { Json, UserRecord } from '../tenant/records.js';
import type { Tenant } from '../tenant/tenant.js';
import { auditUser } from './audit.js';
import { listCollection } from './collection.js';
import { environmentUrl, tenantOf, userOf, withLinks } from './lookup.js';

// A user's sessions (https://developer.pingidentity.com/pingone-api/platform/users/user-sessions.html):
// "Read All Sessions" (newest first, `_embedded.sessions`), "Read One Session" and "Delete Session"
// (https://developer.pingidentity.com/pingone-api/platform/users/user-sessions/delete-session.html, 204).
// The role information of all three names the Identity Data Administrator only, so the emulator is
// strict and asks for the write roles even to read (Identity Data Read Only is not documented to).
// Self-service (an OIDC Web App's token, on the signed-on user alone): reading with p1:read:sessions and
// deleting with p1:delete:sessions, PingOne's self-management scopes for a user's own sessions
// (https://developer.pingidentity.com/pingone-api/foundations/pingone-roles-scopes-and-permissions/access-services-through-scopes-and-roles/pingone-self-management-scopes.html).

const base = '/v1/environments/:environmentId/users/:userId/sessions';

function sessionView(context: RequestContext, tenant: Tenant, record: UserRecord, session: Json): Json {
    const user = environmentUrl(context, tenant, `users/${String(record.body.id)}`);
    return withLinks(session, `${user}/sessions/${String(session.id)}`, { user });
}

function sessionOf(tenant: Tenant, record: UserRecord, context: RequestContext): Json {
    const id = context.params.sessionId ?? '';
    const session = tenant.sessions.of(record.body).find((candidate) => candidate.id === id);
    if (!session) throw apiErrors.notFound(`session with ID ${id}`);
    return session;
}

export const sessionRoutes: Route<Emulation>[] = [
    {
        method: 'GET',
        pattern: base,
        access: 'identity:write',
        self: { scope: 'p1:read:sessions' },
        handler: (context, emulation) => {
            const tenant = tenantOf(emulation, context);
            const record = userOf(tenant, context);
            const sessions = tenant.sessions.of(record.body);
            return json(
                200,
                listCollection(context, { collection: 'sessions', items: sessions, view: (session) => sessionView(context, tenant, record, session) }),
            );
        },
    },
    {
        method: 'GET',
        pattern: `${base}/:sessionId`,
        access: 'identity:write',
        self: { scope: 'p1:read:sessions' },
        handler: (context, emulation) => {
            const tenant = tenantOf(emulation, context);
            const record = userOf(tenant, context);
            return json(200, sessionView(context, tenant, record, sessionOf(tenant, record, context)));
        },
    },
    {
        method: 'DELETE',
        pattern: `${base}/:sessionId`,
        access: 'identity:write',
        self: { scope: 'p1:delete:sessions' },
        handler: (context, emulation) => {
            const tenant = tenantOf(emulation, context);
            const record = userOf(tenant, context);
            const session = sessionOf(tenant, record, context);
            tenant.sessions.delete(record.body, String(session.id));
            auditUser(tenant, context, activityTypes.sessionDeleted, record, `Session deleted for ${String(record.body.username)}`, [
                { type: 'SESSION', id: String(session.id), name: String(session.id) },
            ]);
            return noContent();
        },
    },
];
