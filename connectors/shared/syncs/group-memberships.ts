import { defineFanOutSync } from '../fan-out-sync.js';
import { toGroupMembership } from '../mappers.js';
import { GroupMembership } from '../models.js';
import { groupMembersRequest, groupsRequest } from '../requests.js';

export const groupMemberships = defineFanOutSync({
    name: 'group-memberships',
    description:
        'Who is in which group: one record per member, id `<groupId>:<userId>`, read group by group; removed memberships are deleted on each full scan.',
    roles: ['identityRead'],
    frequency: 'every hour',
    modelName: 'GroupMembership',
    model: GroupMembership,
    parents: groupsRequest,
    children: (context, group) => groupMembersRequest(context, String(group['id'])),
    prepare: async () => undefined,
    map: (group, user) => toGroupMembership({ id: String(group['id']), name: typeof group['name'] === 'string' ? group['name'] : undefined }, user),
});
