// What every self-service action starts from: the signed-on user, whose own resources the OIDC Web
// App's p1:* scopes reach (the token's `sub`; PingOne's access tokens are JWTs).
import type { NangoAction } from 'nango';

import { idSegment, readPingOneContext, type PingOneContext } from './connection.js';
import { readSignedOn } from './connection-kind.js';
import { fail } from './errors.js';

export interface SignedOnUser {
    context: PingOneContext;
    userId: string;
    /** `/v1/environments/<env>/users/<signed-on user>`. */
    userPath: string;
}

export async function signedOnUser(nango: Pick<NangoAction, 'getConnection' | 'ActionError'>): Promise<SignedOnUser> {
    const context = await readPingOneContext(nango);
    const { subject } = await readSignedOn(nango);
    if (subject === undefined) {
        throw fail(nango, {
            code: 'invalid_connection',
            message: 'The access token names no signed-on user (no readable `sub` claim), so a self-service action cannot tell whose profile to use.',
            hint: 'Connect with the self-service way: an OIDC Web App and a user who signs on (guides/pingone.md).',
        });
    }
    const userId = idSegment(nango, subject, 'sub');
    return { context, userId, userPath: `${context.environmentPath}/users/${userId}` };
}
