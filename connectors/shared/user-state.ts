// The user after an operation on their account: PingOne answers the account operations with the user,
// but where an answer is not a user (no body, or another shape) the user is read again, so the output
// is the state PingOne has now either way (or, if that read fails, the ID alone: the operation stands).
import type { NangoAction } from 'nango';

import { idSegment } from './connection.js';
import { defineAction } from './define.js';
import { tryCall } from './http.js';
import { toUser, type Raw } from './mappers.js';
import { UserIdInput } from './inputs.js';
import { User } from './models.js';
import { userRead } from './requests.js';
import { vendorPost, type VendorPost } from './vendor-post.js';

type StateNango = Pick<NangoAction, 'proxy' | 'ActionError' | 'getConnection'>;

/** Runs a vendor-content-type operation on the user (`POST /users/{id}` unless `path` says otherwise) and returns the user. */
export async function userOperation(nango: StateNango, userId: string, post: Omit<VendorPost, 'path' | 'roles'> & { path?: string }): Promise<User> {
    const id = idSegment(nango, userId, 'id');
    const { context, answer } = await vendorPost(nango, { ...post, path: `users/${id}${post.path ?? ''}`, roles: 'identityWrite' });
    if (answer !== undefined && answer['id'] === id && typeof answer['username'] === 'string') {
        return toUser(answer);
    }
    // The operation was applied: a failed read afterwards must not report it as failed, so the output is then the ID alone.
    const read = await tryCall<Raw>(nango, userRead(context, id, `read the user after the request to ${post.doing}`)).catch(() => undefined);
    return read?.ok === true ? toUser(read.data) : { id };
}

/** An action that runs one operation on a user named by `id` and returns the user as PingOne then has them. */
export function userOperationAction(spec: { name: string; description: string; operation: Omit<VendorPost, 'path' | 'roles'> & { path?: string } }) {
    return defineAction({
        name: spec.name,
        description: spec.description,
        roles: ['identityWrite'],
        input: UserIdInput,
        output: User,
        exec: async (nango, input) => userOperation(nango, input.id, spec.operation),
    });
}
