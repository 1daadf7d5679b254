import { membershipId } from '../mappers.js';
import { removeByPathAction } from '../remove-by-path.js';

// https://developer.pingidentity.com/pingone-api/platform/groups/delete-group-nesting.html
export const removeNestedGroup = removeByPathAction({
    name: 'remove-nested-group',
    description:
        'Takes a group out of the parent group it is nested in; its members stop being members of the parent through it. Returns the nesting ID `<groupId>:<parentGroupId>`.',
    roles: 'identityWrite',
    parent: { collection: 'groups', field: 'groupId' },
    child: { segment: 'memberOfGroups', field: 'parentGroupId' },
    doing: 'remove the group nesting',
    outputId: (groupId, parentGroupId) => membershipId(groupId, parentGroupId),
});
