import { defineFanOutSync } from '../fan-out-sync.js';
import { toGroupNesting } from '../mappers.js';
import { GroupNesting } from '../models.js';
import { groupsRequest } from '../requests.js';

export const groupNesting = defineFanOutSync({
    name: 'group-nesting',
    description:
        'Which group is nested in which: one record per nesting, id `<groupId>:<parentGroupId>`, read group by group; removed nestings are deleted on each full scan.',
    roles: ['identityRead'],
    frequency: 'every hour',
    modelName: 'GroupNesting',
    model: GroupNesting,
    parents: groupsRequest,
    // https://developer.pingidentity.com/pingone-api/platform/groups/read-group-nesting.html
    children: (context, group) => ({
        path: `${context.environmentPath}/groups/${String(group['id'])}/memberOfGroups`,
        embedded: 'groupMemberships',
        doing: 'list the groups a group is nested in',
        roles: 'identityRead',
    }),
    prepare: async () => undefined,
    map: (group, parent) => toGroupNesting(String(group['id']), parent),
});
