import * as z from 'zod';

import { idSegment, readPingOneContext } from '../connection.js';
import { defineAction } from '../define.js';
import { deleteCall } from '../http.js';
import { IdInput, Removed } from '../inputs.js';
import { membershipId } from '../mappers.js';

export const removeUserFromGroup = defineAction({
    name: 'remove-user-from-group',
    description: 'Removes a user from a group; returns the membership ID `<groupId>:<userId>`.',
    roles: ['identityWrite'],
    input: z.strictObject({ userId: IdInput, groupId: IdInput }),
    output: Removed,
    exec: async (nango, input) => {
        const context = await readPingOneContext(nango);
        const userId = idSegment(nango, input.userId, 'userId');
        const groupId = idSegment(nango, input.groupId, 'groupId');
        const outcome = await deleteCall(nango, {
            method: 'DELETE',
            endpoint: `${context.environmentPath}/users/${userId}/memberOfGroups/${groupId}`,
            doing: 'remove the user from the group',
            roles: 'identityWrite',
        });
        return { id: membershipId(groupId, userId), removed: true as const, ...outcome };
    },
});
