// A user's sessions (https://developer.pingidentity.com/pingone-api/platform/users/user-sessions.html).
// PingOne's role information for them names the Identity Data Admin only, so even the reads declare
// the write roles.
import type { PingOneContext } from './connection.js';
import type { CollectionRequest } from './paging.js';

export function userSessionsRequest(context: PingOneContext, userId: string): CollectionRequest {
    return { path: `${context.environmentPath}/users/${userId}/sessions`, embedded: 'sessions', doing: "list the user's sessions", roles: 'identityWrite' };
}

export function sessionPath(context: PingOneContext, userId: string, sessionId: string): string {
    return `${context.environmentPath}/users/${userId}/sessions/${sessionId}`;
}
