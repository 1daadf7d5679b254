import { deleteByIdAction } from '../delete-by-id.js';

export const deleteSubscription = deleteByIdAction({
    name: 'delete-subscription',
    description: 'Deletes a webhook subscription: PingOne stops delivering, and drops the events it had not delivered yet.',
    collection: 'subscriptions',
    what: 'webhook subscription',
    role: 'subscriptionsWrite',
});
