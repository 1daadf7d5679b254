import * as z from 'zod';

import { readPingOneContext } from '../connection.js';
import { defineAction } from '../define.js';
import { CursorInput, TextInput } from '../inputs.js';
import { toUser, type Raw } from '../mappers.js';
import { User } from '../models.js';
import { cursorPage } from '../paging.js';
import { usersRequest } from '../requests.js';

export const listUsers = defineAction({
    name: 'list-users',
    description:
        'Lists users a page at a time, optionally narrowed by a PingOne SCIM filter (e.g. `email sw "ann"`); pass `next_cursor` back for the next page.',
    roles: ['identityRead'],
    input: z.strictObject({
        filter: TextInput.optional().describe('A PingOne SCIM filter; `eq`, `sw`, `and`, `or` on the attributes PingOne allows.'),
        cursor: CursorInput.optional(),
    }),
    output: z.object({ users: z.array(User), next_cursor: z.string().optional() }),
    exec: async (nango, input) => {
        const context = await readPingOneContext(nango);
        const page = await cursorPage<Raw>(nango, context, usersRequest(context, input.filter), input.cursor);
        return { users: page.items.map(toUser), ...(page.next_cursor ? { next_cursor: page.next_cursor } : {}) };
    },
});
