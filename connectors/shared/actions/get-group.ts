import * as z from 'zod';

import { idSegment, readPingOneContext } from '../connection.js';
import { defineAction } from '../define.js';
import { call } from '../http.js';
import { IdInput } from '../inputs.js';
import { toGroup, type Raw } from '../mappers.js';
import { Group } from '../models.js';
import { aResource } from '../answers.js';

/** Member counts come only with a read of one group (https://developer.pingidentity.com/pingone-api/platform/groups/read-one-group.html). */
function memberCount(raw: Raw, key: 'directMemberCounts' | 'totalMemberCounts'): number | undefined {
    const counts = raw[key];
    const users = typeof counts === 'object' && counts !== null ? (counts as Raw)['users'] : undefined;
    return typeof users === 'number' ? users : undefined;
}

export const getGroup = defineAction({
    name: 'get-group',
    description: 'Reads one group by ID, with its direct and total member counts where PingOne gives them.',
    roles: ['identityRead'],
    input: z.strictObject({ id: IdInput.describe('The PingOne group ID.') }),
    output: Group.extend({ directMemberCount: z.number().optional(), totalMemberCount: z.number().optional() }),
    exec: async (nango, input) => {
        const context = await readPingOneContext(nango);
        const id = idSegment(nango, input.id, 'id');
        const raw = await call<Raw>(nango, {
            method: 'GET',
            endpoint: `${context.environmentPath}/groups/${id}`,
            params: { include: 'directMemberCounts,totalMemberCounts' },
            idempotent: true,
            answer: aResource,
            doing: 'read the group',
            roles: 'identityRead',
        });
        const direct = memberCount(raw, 'directMemberCounts');
        const total = memberCount(raw, 'totalMemberCounts');
        return { ...toGroup(raw), ...(direct !== undefined ? { directMemberCount: direct } : {}), ...(total !== undefined ? { totalMemberCount: total } : {}) };
    },
});
