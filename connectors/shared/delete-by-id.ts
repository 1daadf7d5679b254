// delete-user and delete-group: one DELETE by ID (see deleteCall: a 404 to a repeat after a lost answer is success, with a note).
import * as z from 'zod';

import { idSegment, readPingOneContext } from './connection.js';
import { defineAction } from './define.js';
import { deleteCall } from './http.js';
import { Deleted, IdInput } from './inputs.js';

export function deleteByIdAction(spec: { name: string; description: string; collection: 'users' | 'groups'; what: string }) {
    return defineAction({
        name: spec.name,
        description: spec.description,
        roles: ['identityWrite'],
        input: z.strictObject({ id: IdInput.describe(`The PingOne ${spec.what} ID.`) }),
        output: Deleted,
        exec: async (nango, input) => {
            const context = await readPingOneContext(nango);
            const id = idSegment(nango, input.id, 'id');
            const outcome = await deleteCall(nango, {
                method: 'DELETE',
                endpoint: `${context.environmentPath}/${spec.collection}/${id}`,
                doing: `delete the ${spec.what}`,
                roles: 'identityWrite',
            });
            return { id, deleted: true as const, ...outcome };
        },
    });
}
