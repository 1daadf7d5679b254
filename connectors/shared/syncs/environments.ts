import { defineCollectionSync } from '../collection-sync.js';
import { toEnvironment } from '../mappers.js';
import { Environment } from '../models.js';

/** Organization level, so `pingone-cc` only: a Worker app's role can be granted at organization scope. */
export const environments = defineCollectionSync({
    name: 'environments',
    description: "Every environment of the Worker app's organization; deletes detected on each full scan.",
    roles: 'environmentsList',
    frequency: 'every day',
    modelName: 'Environment',
    model: Environment,
    path: () => '/v1/environments',
    embedded: 'environments',
    doing: "list the organization's environments",
    map: toEnvironment,
});
