import { listByPathAction } from '../list-by-path.js';
import { toGroupNesting } from '../mappers.js';
import { GroupNesting } from '../models.js';

// https://developer.pingidentity.com/pingone-api/platform/groups/read-group-nesting.html
export const listNestedGroups = listByPathAction({
    name: 'list-nested-groups',
    description: 'Lists the parent groups a group is nested in (its members are members of each parent through it).',
    roles: 'identityRead',
    parent: { collection: 'groups', field: 'groupId' },
    segment: 'memberOfGroups',
    embedded: 'groupMemberships',
    doing: 'list the groups the group is nested in',
    outputKey: 'parents',
    model: GroupNesting,
    map: toGroupNesting,
});
