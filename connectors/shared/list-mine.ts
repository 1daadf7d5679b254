// The self-service list actions (the signed-on user's MFA devices, sessions): every item of
// `<signed-on user>/<segment>`, with the p1:* scope it needs, mapped to records.
import * as z from 'zod';

import { defineAction } from './define.js';
import type { Raw } from './mappers.js';
import { allItems } from './paging.js';
import { signedOnUser } from './self-service.js';

export interface ListMineSpec<K extends string, M extends z.ZodObject> {
    name: string;
    description: string;
    /** The p1:* scope, e.g. `p1:read:device`. */
    scope: string;
    /** The sub-collection of the user and the `_embedded` key of PingOne's answer, e.g. `devices`. */
    segment: string;
    doing: string;
    /** The output's list, e.g. `devices`. */
    outputKey: K;
    model: M;
    map: (userId: string, raw: Raw) => z.infer<M>;
}

export function listMineAction<K extends string, M extends z.ZodObject>(spec: ListMineSpec<K, M>) {
    const output = z.object({ [spec.outputKey]: z.array(spec.model) } as Record<K, z.ZodArray<M>>);
    return defineAction({
        name: spec.name,
        description: spec.description,
        roles: [],
        selfService: { scopes: [spec.scope] },
        input: z.strictObject({}),
        output,
        exec: async (nango) => {
            const { context, userId, userPath } = await signedOnUser(nango);
            const items = await allItems<Raw>(nango, context, {
                path: `${userPath}/${spec.segment}`,
                embedded: spec.segment,
                doing: spec.doing,
                scope: spec.scope,
            });
            return { [spec.outputKey]: items.map((raw) => spec.map(userId, raw)) } as z.infer<typeof output>;
        },
    });
}
