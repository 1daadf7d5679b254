// The remove actions of a thing that hangs off another (a membership, a nesting, a role assignment, a
// linked account): one DELETE of `<parent>/<parentId>/<segment>/<childId>` (see deleteCall: a 404 to a
// repeat after a lost answer is success, with a note).
import * as z from 'zod';

import { idSegment, readPingOneContext } from './connection.js';
import { defineAction } from './define.js';
import { deleteCall } from './http.js';
import { IdInput, Removed } from './inputs.js';
import type { RoleNeed } from './pingone.js';

export interface RemoveSpec<P extends string, C extends string> {
    name: string;
    description: string;
    roles: RoleNeed;
    /** The parent's collection and input field, e.g. `groups` and `groupId`. */
    parent: { collection: 'users' | 'groups'; field: P };
    /** The sub-collection and the input field of the child's ID, e.g. `memberOfGroups` and `parentGroupId`. */
    child: { segment: string; field: C };
    /** Says what failed, e.g. "remove the nesting". */
    doing: string;
    /** The output's `id`: the child's own ID, or a record ID built of both. */
    outputId: (parentId: string, childId: string) => string;
}

export function removeByPathAction<P extends string, C extends string>(spec: RemoveSpec<P, C>) {
    const input = z.strictObject({ [spec.parent.field]: IdInput, [spec.child.field]: IdInput } as Record<P | C, typeof IdInput>);
    return defineAction({
        name: spec.name,
        description: spec.description,
        roles: [spec.roles],
        input,
        output: Removed,
        exec: async (nango, given) => {
            const context = await readPingOneContext(nango);
            const values = given as Record<P | C, string>;
            const parentId = idSegment(nango, values[spec.parent.field], spec.parent.field);
            const childId = idSegment(nango, values[spec.child.field], spec.child.field);
            const outcome = await deleteCall(nango, {
                method: 'DELETE',
                endpoint: `${context.environmentPath}/${spec.parent.collection}/${parentId}/${spec.child.segment}/${childId}`,
                doing: spec.doing,
                roles: spec.roles,
            });
            return { id: spec.outputId(parentId, childId), removed: true as const, ...outcome };
        },
    });
}
