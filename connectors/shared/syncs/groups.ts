import { defineCollectionSync } from '../collection-sync.js';
import { toGroup } from '../mappers.js';
import { Group } from '../models.js';

export const groups = defineCollectionSync({
    name: 'groups',
    description: 'Every group in the environment (static and dynamic); deletes detected on each full scan.',
    roles: 'identityRead',
    frequency: 'every hour',
    modelName: 'Group',
    model: Group,
    path: (context) => `${context.environmentPath}/groups`,
    embedded: 'groups',
    doing: 'list groups',
    map: toGroup,
});
