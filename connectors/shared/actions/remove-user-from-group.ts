import { membershipId } from '../mappers.js';
import { removeByPathAction } from '../remove-by-path.js';

export const removeUserFromGroup = removeByPathAction({
    name: 'remove-user-from-group',
    description: 'Removes a user from a group; returns the membership ID `<groupId>:<userId>`.',
    roles: 'identityWrite',
    parent: { collection: 'users', field: 'userId' },
    child: { segment: 'memberOfGroups', field: 'groupId' },
    doing: 'remove the user from the group',
    outputId: (userId, groupId) => membershipId(groupId, userId),
});
