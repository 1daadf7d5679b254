// PingOne's operations chosen by a vendor content type on a POST: on a user (account lock, verification),
// on a user's password (recovery code) and on MFA devices (unlock, order). Most change state or send an
// email, so they are sent once: a second send after the first may have reached PingOne would send a
// second code, or record a second event. The order of devices is a state, set the same way twice.
import type { NangoAction } from 'nango';

import { readPingOneContext, type PingOneContext } from './connection.js';
import { describeFailure, fail, type ErrorPayload } from './errors.js';
import { tryCall, type PingOneCall } from './http.js';
import type { Raw } from './mappers.js';
import type { RoleNeed } from './pingone.js';

export interface VendorPost {
    /** The path under the environment, e.g. `users/<id>`. */
    path: string;
    contentType: string;
    data?: Record<string, unknown>;
    doing: string;
    roles: RoleNeed;
    /** What to check before sending it again when the answer is lost; absent when it is safe to repeat. */
    ifUnsure?: string;
    /** A 400 explained: PingOne refused because of the resource's state; the action's own code. */
    refused?: Pick<ErrorPayload, 'code' | 'message'> & { hint?: string };
}

type PostNango = Pick<NangoAction, 'proxy' | 'ActionError' | 'getConnection'>;

/** Sends the operation and returns PingOne's answer (an object, or undefined when it has no body). */
export async function vendorPost(nango: PostNango, post: VendorPost): Promise<{ context: PingOneContext; answer: Raw | undefined }> {
    const context = await readPingOneContext(nango);
    const request: PingOneCall = {
        method: 'POST',
        endpoint: `${context.environmentPath}/${post.path}`,
        contentType: post.contentType,
        ...(post.data ? { data: post.data } : {}),
        doing: post.doing,
        roles: post.roles,
        ...(post.ifUnsure === undefined ? { idempotent: true as const } : { idempotent: false as const, ifUnsure: post.ifUnsure }),
    };
    const result = await tryCall<unknown>(nango, request);
    if (!result.ok) {
        const described = describeFailure(result.failure, request);
        if (result.failure.status === 400 && post.refused) {
            throw fail(nango, { ...described, ...post.refused, message: `${post.refused.message} (PingOne: ${described.message})` });
        }
        throw fail(nango, described);
    }
    const answer = typeof result.data === 'object' && result.data !== null && !Array.isArray(result.data) ? (result.data as Raw) : undefined;
    return { context, answer };
}
