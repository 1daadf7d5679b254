import { removeByPathAction } from '../remove-by-path.js';

// https://developer.pingidentity.com/pingone-api/platform/users/linked-accounts/delete-linked-account.html
export const unlinkAccount = removeByPathAction({
    name: 'unlink-account',
    description:
        "Removes the link between a user and their account at an external identity provider (the ID is in list-linked-accounts' output); the user signs on through that provider only after linking again.",
    roles: 'identityWrite',
    parent: { collection: 'users', field: 'userId' },
    child: { segment: 'linkedAccounts', field: 'linkedAccountId' },
    doing: 'remove the linked account',
    outputId: (_userId, id) => id,
});
