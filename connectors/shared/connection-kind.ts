// Which documented way a connection signed on (providers.extensions.yaml `connection_kinds`):
// `admin` (a Worker app: client credentials, or authorization code acting with the signed-on admin's
// roles) or `self-service` (an OIDC Web App: its p1:* scopes, on the signed-on user alone). Only an
// OIDC app's user token can carry a p1:* scope: "PingOne self-management scopes cannot be granted on a
// client_credentials flow", and a Worker app "may be given only OIDC scopes"
// (https://developer.pingidentity.com/pingone-api/foundations/pingone-roles-scopes-and-permissions/access-services-through-scopes-and-roles/pingone-self-management-scopes.html).
import type { NangoAction } from 'nango';

import { fail } from './errors.js';
import { CONNECTION_KINDS } from './pingone.generated.js';

export type ConnectionKind = keyof typeof CONNECTION_KINDS;

export interface SignedOn {
    /** Undefined when neither the token response nor the token tells (the connector is then tolerant). */
    kind: ConnectionKind | undefined;
    /** The token's subject: the signed-on user for a user token. */
    subject: string | undefined;
}

/** A JWT's claims, or undefined when the token is not one (PingOne's access tokens are JWTs). */
export function tokenClaims(token: string): Record<string, unknown> | undefined {
    const payload = token.split('.')[1];
    if (payload === undefined) {
        return undefined;
    }
    try {
        const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
        const claims: unknown = JSON.parse(atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4)));
        return typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : undefined;
    } catch {
        return undefined;
    }
}

/** The kind a set of granted scopes makes: any self-management scope means an OIDC Web App's token. */
export function kindOfScopes(scopes: readonly string[]): ConnectionKind {
    return scopes.some((scope) => scope.startsWith('p1:')) ? 'self-service' : 'admin';
}

/**
 * The connection's kind and subject: the granted scopes from Nango's stored token response
 * (`credentials.raw.scope`) when present, else from the access token's `scope` claim.
 */
export async function readSignedOn(nango: Pick<NangoAction, 'getConnection'>): Promise<SignedOn> {
    const connection = await nango.getConnection();
    const credentials = (connection.credentials ?? {}) as { access_token?: unknown; token?: unknown; raw?: { scope?: unknown } };
    const token = typeof credentials.access_token === 'string' ? credentials.access_token : typeof credentials.token === 'string' ? credentials.token : '';
    const claims = tokenClaims(token);
    const granted = typeof credentials.raw?.scope === 'string' ? credentials.raw.scope : claims?.['scope'];
    const subject = typeof claims?.['sub'] === 'string' ? claims['sub'] : undefined;
    if (typeof granted === 'string') {
        return { kind: kindOfScopes(granted.split(' ')), subject };
    }
    // A client-credentials token (no user) is a Worker app's, whatever it carries.
    return { kind: claims && claims['sub'] === claims['client_id'] ? 'admin' : undefined, subject };
}

/** Refuses, before any request, a script run on a connection of another kind, naming the app type it needs. */
export async function requireKind(
    nango: Pick<NangoAction, 'getConnection' | 'ActionError'>,
    script: string,
    kinds: readonly ConnectionKind[],
): Promise<SignedOn> {
    const signedOn = await readSignedOn(nango);
    if (signedOn.kind !== undefined && !kinds.includes(signedOn.kind)) {
        const needed = kinds.map((kind) => CONNECTION_KINDS[kind]);
        const actual = CONNECTION_KINDS[signedOn.kind];
        throw fail(nango, {
            code: 'wrong_connection_kind',
            message: `${script} needs a connection of the kind ${needed.map((kind) => `"${kind.title}" (PingOne app type ${kind.appType})`).join(' or ')}; this connection is "${actual.title}" (app type ${actual.appType}). Nothing was sent.`,
            hint: `Connect again with a ${needed[0]?.appType === 'WORKER' ? 'Worker app' : 'OIDC Web App'} as guides/pingone.md describes for that way.`,
            kind: signedOn.kind,
            needs: kinds,
        });
    }
    return signedOn;
}
