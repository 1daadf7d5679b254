// The list actions of what hangs off one resource (a group's nestings and role assignments, a user's
// linked accounts, an application's role assignments): every item of `<parent>/<parentId>/<segment>`,
// which PingOne keeps short, mapped to records.
import * as z from 'zod';

import { idSegment, readPingOneContext } from './connection.js';
import { defineAction } from './define.js';
import { IdInput } from './inputs.js';
import type { Raw } from './mappers.js';
import { allItems } from './paging.js';
import type { RoleNeed } from './pingone.js';

export interface ListSpec<P extends string, K extends string, M extends z.ZodObject> {
    name: string;
    description: string;
    roles: RoleNeed;
    parent: { collection: 'users' | 'groups' | 'applications'; field: P };
    segment: string;
    /** The `_embedded` key of PingOne's answer. */
    embedded: string;
    doing: string;
    /** The output's list, e.g. `linkedAccounts`. */
    outputKey: K;
    model: M;
    map: (parentId: string, raw: Raw) => z.infer<M>;
}

export function listByPathAction<P extends string, K extends string, M extends z.ZodObject>(spec: ListSpec<P, K, M>) {
    const input = z.strictObject({ [spec.parent.field]: IdInput } as Record<P, typeof IdInput>);
    const output = z.object({ [spec.outputKey]: z.array(spec.model) } as Record<K, z.ZodArray<M>>);
    return defineAction({
        name: spec.name,
        description: spec.description,
        roles: [spec.roles],
        input,
        output,
        exec: async (nango, given) => {
            const context = await readPingOneContext(nango);
            const parentId = idSegment(nango, (given as Record<P, string>)[spec.parent.field], spec.parent.field);
            const items = await allItems<Raw>(nango, context, {
                path: `${context.environmentPath}/${spec.parent.collection}/${parentId}/${spec.segment}`,
                embedded: spec.embedded,
                doing: spec.doing,
                roles: spec.roles,
            });
            return { [spec.outputKey]: items.map((raw) => spec.map(parentId, raw)) } as z.infer<typeof output>;
        },
    });
}
