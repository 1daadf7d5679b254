import * as z from 'zod';

import { idSegment, readPingOneContext } from '../connection.js';
import { createOnce } from '../create-once.js';
import { defineAction } from '../define.js';
import { membershipId } from '../mappers.js';
import { IdInput } from '../inputs.js';
import { GroupMembership } from '../models.js';

export const addUserToGroup = defineAction({
    name: 'add-user-to-group',
    description: 'Adds a user to a group. A user already in the group fails with `already_member`.',
    roles: ['identityWrite'],
    input: z.strictObject({ userId: IdInput, groupId: IdInput }),
    output: GroupMembership,
    exec: async (nango, input) => {
        const context = await readPingOneContext(nango);
        const userId = idSegment(nango, input.userId, 'userId');
        const groupId = idSegment(nango, input.groupId, 'groupId');
        const raw = await createOnce(
            nango,
            {
                method: 'POST',
                endpoint: `${context.environmentPath}/users/${userId}/memberOfGroups`,
                data: { id: groupId },
                idempotent: false,
                ifUnsure: 'Run list-group-members for the group to see whether the user was added',
                doing: 'add the user to the group',
                roles: 'identityWrite',
            },
            { code: 'already_member', message: 'The user is already a member of this group.' },
        );
        const name = raw['name'];
        return { id: membershipId(groupId, userId), groupId, userId, ...(typeof name === 'string' ? { groupName: name } : {}) };
    },
});
