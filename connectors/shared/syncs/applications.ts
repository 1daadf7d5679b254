import { defineCollectionSync } from '../collection-sync.js';
import { toApplication } from '../mappers.js';
import { Application } from '../models.js';

export const applications = defineCollectionSync({
    name: 'applications',
    description: 'Every application in the environment (OIDC, SAML, Worker, ...), never its secret; deletes detected on each full scan.',
    roles: 'applicationsRead',
    frequency: 'every hour',
    modelName: 'Application',
    model: Application,
    path: (context) => `${context.environmentPath}/applications`,
    embedded: 'applications',
    doing: 'list applications',
    map: toApplication,
});
