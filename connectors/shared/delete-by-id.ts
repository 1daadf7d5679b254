// delete-user, delete-group and delete-subscription: one DELETE by ID (see deleteCall: a 404 to a repeat after a lost answer is success, with a note).
import * as z from 'zod';

import { idSegment, readPingOneContext } from './connection.js';
import { defineAction } from './define.js';
import { deleteCall } from './http.js';
import { Deleted, IdInput } from './inputs.js';
import type { RoleNeed } from './pingone.js';

interface DeleteSpec {
    name: string;
    description: string;
    collection: 'users' | 'groups' | 'subscriptions';
    what: string;
    /** Default identityWrite. */
    role?: RoleNeed;
}

export function deleteByIdAction(spec: DeleteSpec) {
    const role = spec.role ?? 'identityWrite';
    return defineAction({
        name: spec.name,
        description: spec.description,
        roles: [role],
        input: z.strictObject({ id: IdInput.describe(`The PingOne ${spec.what} ID.`) }),
        output: Deleted,
        exec: async (nango, input) => {
            const context = await readPingOneContext(nango);
            const id = idSegment(nango, input.id, 'id');
            const outcome = await deleteCall(nango, {
                method: 'DELETE',
                endpoint: `${context.environmentPath}/${spec.collection}/${id}`,
                doing: `delete the ${spec.what}`,
                roles: role,
            });
            return { id, deleted: true as const, ...outcome };
        },
    });
}
