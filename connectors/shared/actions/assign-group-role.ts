import * as z from 'zod';

import { idSegment, readPingOneContext } from '../connection.js';
import { defineAction } from '../define.js';
import { IdInput } from '../inputs.js';
import { toGroupRoleAssignment } from '../mappers.js';
import { GroupRoleAssignment } from '../models.js';
import { postRoleAssignment, RoleGrantFields } from '../role-assignment.js';

export const assignGroupRole = defineAction({
    name: 'assign-group-role',
    description:
        'Gives a group an admin role, by default for this environment; or for one population, application or the organization. Every member of the group holds it while in the group (https://developer.pingidentity.com/pingone-api/platform/groups/group-role-assignments.html).',
    roles: ['roleAssignmentsWrite'],
    input: z.strictObject({ groupId: IdInput, ...RoleGrantFields }),
    output: GroupRoleAssignment,
    exec: async (nango, input) => {
        const context = await readPingOneContext(nango);
        const groupId = idSegment(nango, input.groupId, 'groupId');
        const raw = await postRoleAssignment(
            nango,
            context,
            `groups/${groupId}`,
            input,
            'Run list-group-role-assignments for the group to see whether the role was assigned',
        );
        return toGroupRoleAssignment(groupId, raw);
    },
});
