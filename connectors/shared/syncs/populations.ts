import { defineCollectionSync } from '../collection-sync.js';
import { toPopulation } from '../mappers.js';
import { Population } from '../models.js';

export const populations = defineCollectionSync({
    name: 'populations',
    description: 'Every population in the environment, with its user count and password policy; deletes detected on each full scan.',
    roles: 'identityRead',
    frequency: 'every hour',
    modelName: 'Population',
    model: Population,
    path: (context) => `${context.environmentPath}/populations`,
    embedded: 'populations',
    doing: 'list populations',
    map: toPopulation,
});
