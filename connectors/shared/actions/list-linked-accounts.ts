import { listByPathAction } from '../list-by-path.js';
import { toLinkedAccount } from '../mappers.js';
import { LinkedAccount } from '../models.js';

// https://developer.pingidentity.com/pingone-api/platform/users/linked-accounts/read-linked-accounts.html
export const listLinkedAccounts = listByPathAction({
    name: 'list-linked-accounts',
    description: "Lists a user's linked accounts: the external identity provider accounts they sign on with.",
    roles: 'identityRead',
    parent: { collection: 'users', field: 'userId' },
    segment: 'linkedAccounts',
    embedded: 'linkedAccounts',
    doing: "list the user's linked accounts",
    outputKey: 'linkedAccounts',
    model: LinkedAccount,
    map: toLinkedAccount,
});
