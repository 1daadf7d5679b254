import * as z from 'zod';

import { idSegment, readPingOneContext } from '../connection.js';
import { defineAction } from '../define.js';
import { CursorInput, IdInput } from '../inputs.js';
import { toUserGroup, type Raw } from '../mappers.js';
import { UserGroup } from '../models.js';
import { cursorPage } from '../paging.js';

export const listUserGroups = defineAction({
    name: 'list-user-groups',
    description: 'Lists the groups a user is a member of, directly or through a nested group, a page at a time; pass `next_cursor` back for the next page.',
    roles: ['identityRead'],
    input: z.strictObject({ userId: IdInput, cursor: CursorInput.optional() }),
    output: z.object({ groups: z.array(UserGroup), next_cursor: z.string().optional() }),
    exec: async (nango, input) => {
        const context = await readPingOneContext(nango);
        const userId = idSegment(nango, input.userId, 'userId');
        // https://developer.pingidentity.com/pingone-api/platform/users/group-membership/read-all-group-memberships-for-user.html
        const page = await cursorPage<Raw>(
            nango,
            context,
            {
                path: `${context.environmentPath}/users/${userId}/memberOfGroups`,
                embedded: 'groupMemberships',
                doing: "list the user's groups",
                roles: 'identityRead',
            },
            input.cursor,
        );
        const groups = page.items.map((raw) => toUserGroup(userId, raw));
        return { groups, ...(page.next_cursor ? { next_cursor: page.next_cursor } : {}) };
    },
});
