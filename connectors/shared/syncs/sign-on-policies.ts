import { defineCollectionSync } from '../collection-sync.js';
import { toSignOnPolicy } from '../mappers.js';
import { SignOnPolicy } from '../models.js';

export const signOnPolicies = defineCollectionSync({
    name: 'sign-on-policies',
    description: 'Every sign-on policy of the environment, and which is the default; deletes detected on each full scan.',
    roles: 'configurationRead',
    frequency: 'every hour',
    modelName: 'SignOnPolicy',
    model: SignOnPolicy,
    // https://developer.pingidentity.com/pingone-api/platform/sign-on-policies/sign-on-policies-1/read-sign-on-policies.html
    path: (context) => `${context.environmentPath}/signOnPolicies`,
    embedded: 'signOnPolicies',
    doing: 'list sign-on policies',
    map: toSignOnPolicy,
});
