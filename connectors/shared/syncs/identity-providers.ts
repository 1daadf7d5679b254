import { defineCollectionSync } from '../collection-sync.js';
import { toIdentityProvider } from '../mappers.js';
import { IdentityProvider } from '../models.js';

export const identityProviders = defineCollectionSync({
    name: 'identity-providers',
    description: 'Every external identity provider of the environment (social, OIDC, SAML), enabled or not; deletes detected on each full scan.',
    roles: 'configurationRead',
    frequency: 'every hour',
    modelName: 'IdentityProvider',
    model: IdentityProvider,
    // https://developer.pingidentity.com/pingone-api/platform/identity-provider-management/identity-providers/read-all-identity-providers.html
    path: (context) => `${context.environmentPath}/identityProviders`,
    embedded: 'identityProviders',
    doing: 'list identity providers',
    map: toIdentityProvider,
});
