import { deleteByIdAction } from '../delete-by-id.js';

export const deleteUser = deleteByIdAction({
    name: 'delete-user',
    description: 'Deletes a user and everything PingOne holds for them. Irreversible.',
    collection: 'users',
    what: 'user',
});
