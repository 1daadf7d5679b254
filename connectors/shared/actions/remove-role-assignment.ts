import * as z from 'zod';

import { idSegment, readPingOneContext } from '../connection.js';
import { defineAction } from '../define.js';
import { deleteCall } from '../http.js';
import { IdInput, Removed } from '../inputs.js';

export const removeRoleAssignment = defineAction({
    name: 'remove-role-assignment',
    description: 'Takes an admin role away from a user (the assignment ID is in the user-role-assignments records).',
    roles: ['roleAssignmentsWrite'],
    input: z.strictObject({ userId: IdInput, roleAssignmentId: IdInput }),
    output: Removed,
    exec: async (nango, input) => {
        const context = await readPingOneContext(nango);
        const userId = idSegment(nango, input.userId, 'userId');
        const id = idSegment(nango, input.roleAssignmentId, 'roleAssignmentId');
        const outcome = await deleteCall(nango, {
            method: 'DELETE',
            endpoint: `${context.environmentPath}/users/${userId}/roleAssignments/${id}`,
            doing: 'remove the role assignment',
            roles: 'roleAssignmentsWrite',
        });
        return { id, removed: true as const, ...outcome };
    },
});
