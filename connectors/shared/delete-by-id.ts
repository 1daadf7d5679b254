// delete-user and delete-group: one DELETE by ID (repeatable: a second one finds nothing to delete).
import * as z from 'zod';

import { idSegment, readPingOneContext } from './connection.js';
import { defineAction } from './define.js';
import { call } from './http.js';
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
            await call(nango, {
                method: 'DELETE',
                endpoint: `${context.environmentPath}/${spec.collection}/${id}`,
                idempotent: true,
                doing: `delete the ${spec.what}`,
                roles: 'identityWrite',
            });
            return { id, deleted: true as const };
        },
    });
}
