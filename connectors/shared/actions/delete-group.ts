import { deleteByIdAction } from '../delete-by-id.js';

export const deleteGroup = deleteByIdAction({
    name: 'delete-group',
    description: 'Deletes a group; its members stay, without that membership.',
    collection: 'groups',
    what: 'group',
});
