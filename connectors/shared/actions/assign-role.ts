import * as z from 'zod';

import { idSegment, readPingOneContext } from '../connection.js';
import { defineAction } from '../define.js';
import { IdInput } from '../inputs.js';
import { toUserRoleAssignment } from '../mappers.js';
import { UserRoleAssignment } from '../models.js';
import { postRoleAssignment, RoleGrantFields } from '../role-assignment.js';

export const assignRole = defineAction({
    name: 'assign-role',
    description: 'Gives a user an admin role, by default for this environment; or for one population, application or the organization.',
    roles: ['roleAssignmentsWrite'],
    input: z.strictObject({ userId: IdInput, ...RoleGrantFields }),
    output: UserRoleAssignment,
    exec: async (nango, input) => {
        const context = await readPingOneContext(nango);
        const userId = idSegment(nango, input.userId, 'userId');
        const raw = await postRoleAssignment(
            nango,
            context,
            `users/${userId}`,
            input,
            "Run the user-role-assignments sync (or look at the user's roles in PingOne) to see whether the role was assigned",
        );
        return toUserRoleAssignment(userId, raw, new Map());
    },
});
