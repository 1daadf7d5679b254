// The collections several scripts read, named once.
import type { PingOneContext } from './connection.js';
import type { CollectionRequest } from './paging.js';

export function usersRequest(context: PingOneContext, filter?: string): CollectionRequest {
    return {
        path: `${context.environmentPath}/users`,
        embedded: 'users',
        ...(filter ? { params: { filter } } : {}),
        doing: 'list users',
        roles: 'identityRead',
    };
}

/** The users in a group, through PingOne's `memberOfGroups` filter. */
export function groupMembersRequest(context: PingOneContext, groupId: string): CollectionRequest {
    return { ...usersRequest(context, `memberOfGroups[id eq "${groupId}"]`), doing: 'list the members of a group' };
}

export function groupsRequest(context: PingOneContext): CollectionRequest {
    return { path: `${context.environmentPath}/groups`, embedded: 'groups', doing: 'list groups', roles: 'identityRead' };
}

export function rolesRequest(): CollectionRequest {
    return { path: '/v1/roles', embedded: 'roles', doing: 'list roles', roles: 'rolesList' };
}
