// The self-service delete actions (an MFA device, a session of the signed-on user): one DELETE of
// `<signed-on user>/<segment>/<id>` with the p1:* scope it needs (see deleteCall: a 404 to a repeat
// after a lost answer is success, with a note).
import * as z from 'zod';

import { idSegment } from './connection.js';
import { defineAction } from './define.js';
import { deleteCall } from './http.js';
import { Deleted, IdInput } from './inputs.js';
import { signedOnUser } from './self-service.js';

export interface DeleteMineSpec<F extends string> {
    name: string;
    description: string;
    /** The p1:* scope, e.g. `p1:delete:device`. */
    scope: string;
    /** The sub-collection of the user, e.g. `devices`. */
    segment: string;
    /** The input field of the ID, and where the user finds it. */
    field: F;
    from: string;
    /** Says what failed, e.g. "delete your MFA device". */
    doing: string;
}

export function deleteMineAction<F extends string>(spec: DeleteMineSpec<F>) {
    const input = z.strictObject({ [spec.field]: IdInput.describe(`From ${spec.from}.`) } as Record<F, typeof IdInput>);
    return defineAction({
        name: spec.name,
        description: spec.description,
        roles: [],
        selfService: { scopes: [spec.scope] },
        input,
        output: Deleted,
        exec: async (nango, given) => {
            const { userPath } = await signedOnUser(nango);
            const id = idSegment(nango, (given as Record<F, string>)[spec.field], spec.field);
            const outcome = await deleteCall(nango, { method: 'DELETE', endpoint: `${userPath}/${spec.segment}/${id}`, doing: spec.doing, scope: spec.scope });
            return { id, deleted: true as const, ...outcome };
        },
    });
}
