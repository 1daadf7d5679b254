import * as z from 'zod';

import { idSegment, readPingOneContext } from '../connection.js';
import { createOnce } from '../create-once.js';
import { defineAction } from '../define.js';
import { IdInput } from '../inputs.js';
import { toGroupNesting } from '../mappers.js';
import { GroupNesting } from '../models.js';

export const addNestedGroup = defineAction({
    name: 'add-nested-group',
    description:
        'Nests a group in a parent group: the members of the group become members of the parent. A group already nested there fails with `already_nested`.',
    roles: ['identityWrite'],
    input: z.strictObject({ groupId: IdInput.describe('The group to nest.'), parentGroupId: IdInput.describe('The group to nest it in.') }),
    output: GroupNesting,
    exec: async (nango, input) => {
        const context = await readPingOneContext(nango);
        const groupId = idSegment(nango, input.groupId, 'groupId');
        const parentGroupId = idSegment(nango, input.parentGroupId, 'parentGroupId');
        const raw = await createOnce(
            nango,
            {
                // https://developer.pingidentity.com/pingone-api/platform/groups/create-nested-group.html
                method: 'POST',
                endpoint: `${context.environmentPath}/groups/${groupId}/memberOfGroups`,
                data: { id: parentGroupId },
                idempotent: false,
                ifUnsure: 'Run list-nested-groups for the group to see whether it was nested',
                doing: 'nest the group',
                roles: 'identityWrite',
            },
            { code: 'already_nested', message: 'The group is already nested in this parent group.' },
        );
        return toGroupNesting(groupId, raw);
    },
});
