import * as z from 'zod';

import { idSegment, readPingOneContext } from '../connection.js';
import { defineAction } from '../define.js';
import { CursorInput, IdInput } from '../inputs.js';
import { toGroupMembership, type Raw } from '../mappers.js';
import { GroupMembership } from '../models.js';
import { cursorPage } from '../paging.js';
import { groupMembersRequest } from '../requests.js';

export const listGroupMembers = defineAction({
    name: 'list-group-members',
    description: 'Lists the members of a group a page at a time; pass `next_cursor` back for the next page.',
    roles: ['identityRead'],
    input: z.strictObject({ groupId: IdInput, cursor: CursorInput.optional() }),
    output: z.object({ members: z.array(GroupMembership), next_cursor: z.string().optional() }),
    exec: async (nango, input) => {
        const context = await readPingOneContext(nango);
        const groupId = idSegment(nango, input.groupId, 'groupId');
        const page = await cursorPage<Raw>(nango, context, groupMembersRequest(context, groupId), input.cursor);
        return { members: page.items.map((user) => toGroupMembership({ id: groupId }, user)), ...(page.next_cursor ? { next_cursor: page.next_cursor } : {}) };
    },
});
