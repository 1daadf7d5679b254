import type { IncomingHttpHeaders } from 'node:http';
import { ApiError, apiErrors } from './api-error.js';

/** Who is calling the management API, as proven by the bearer token. */
export interface Actor {
    /** `application` for client-credentials tokens, `user` for tokens from the authorization-code flow. */
    kind: 'application' | 'user';
    clientId: string;
    /** The environment whose auth server minted the token. */
    environmentId: string;
    userId?: string;
    tokenId: string;
    /** The client application's type (`WORKER`, `WEB_APP`, ...): with a user, it decides roles or scopes. */
    appType: string;
    /** The token's scopes. */
    scopes: string[];
}

export interface RequestContext {
    method: string;
    path: string;
    /** `?…` as received, or the empty string. */
    search: string;
    query: URLSearchParams;
    params: Record<string, string>;
    headers: IncomingHttpHeaders;
    /** Media type without parameters, lower case; empty when absent. */
    contentType: string;
    body: Buffer;
    /** The origin absolute URLs are built from: the forwarded PingOne host, or the emulator's own. */
    origin: string;
    actor?: Actor;
}

export function requestOrigin(headers: IncomingHttpHeaders, ownOrigin: string): string {
    const forwardedHost = headers['x-forwarded-host'];
    const host = Array.isArray(forwardedHost) ? forwardedHost[0] : forwardedHost;
    if (!host) return ownOrigin;
    const forwardedProto = headers['x-forwarded-proto'];
    const proto = (Array.isArray(forwardedProto) ? forwardedProto[0] : forwardedProto) ?? 'https';
    return `${proto.split(',')[0]?.trim() || 'https'}://${host.split(',')[0]?.trim()}`;
}

/** Refuses (415) a body whose Content-Type is not one the operation accepts; returns the matched type. */
export function requireContentType(context: RequestContext, accepted: readonly string[]): string {
    // Media types compare case-insensitively (RFC 9110); the match is returned as the caller spelled it.
    const match = accepted.find((type) => type.toLowerCase() === context.contentType);
    if (match === undefined) throw apiErrors.unsupportedMediaType(context.contentType, accepted);
    return match;
}

/** The JSON object body; 400 INVALID_REQUEST when it is not one. */
export function jsonBody(context: RequestContext): Record<string, unknown> {
    if (context.body.length === 0) return {};
    let parsed: unknown;
    try {
        parsed = JSON.parse(context.body.toString('utf8'));
    } catch (error) {
        throw new ApiError(400, 'INVALID_REQUEST', `The request body is not valid JSON: ${(error as Error).message}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw new ApiError(400, 'INVALID_REQUEST', 'The request body must be a JSON object.');
    }
    return parsed as Record<string, unknown>;
}

export function formBody(context: RequestContext): URLSearchParams {
    return new URLSearchParams(context.body.toString('utf8'));
}

export function header(context: RequestContext, name: string): string | undefined {
    const value = context.headers[name];
    return Array.isArray(value) ? value[0] : value;
}
