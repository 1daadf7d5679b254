// The requests several scripts make, named once.
import { aResource } from './answers.js';
import type { PingOneContext } from './connection.js';
import { describeFailure, fail, type PingOneFailure } from './errors.js';
import { tryCall, type PingOneCall, type ProxyNango } from './http.js';
import { toUser, type Raw } from './mappers.js';
import type { User } from './models.js';
import type { CollectionRequest } from './paging.js';
import { USERS_PAGE_SIZE } from './pingone.js';

/** The GET of one user (the ID already checked to be a PingOne ID, or taken from PingOne). */
export function userRead(context: PingOneContext, id: string, doing: string): PingOneCall {
    return { method: 'GET', endpoint: `${context.environmentPath}/users/${id}`, idempotent: true, answer: aResource, doing, roles: 'identityRead' };
}

/**
 * The user as PingOne has it now, or undefined when PingOne no longer has them (404), or when `gone`
 * says the refusal means so (a connection scoped to populations: population-scope.ts).
 */
export async function readUserIfExists(
    nango: ProxyNango,
    context: PingOneContext,
    id: string,
    gone: (failure: PingOneFailure) => boolean | Promise<boolean> = (failure) => failure.status === 404,
): Promise<User | undefined> {
    const request = userRead(context, id, 'read a changed user');
    const result = await tryCall<Raw>(nango, request);
    if (result.ok) {
        return toUser(result.data);
    }
    if (await gone(result.failure)) {
        return undefined;
    }
    throw fail(nango, describeFailure(result.failure, request));
}

export function usersRequest(context: PingOneContext, filter?: string): CollectionRequest {
    return {
        path: `${context.environmentPath}/users`,
        embedded: 'users',
        params: { limit: USERS_PAGE_SIZE, ...(filter ? { filter } : {}) },
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
