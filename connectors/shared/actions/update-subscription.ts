import { idSegment, readPingOneContext } from '../connection.js';
import { defineAction } from '../define.js';
import { call } from '../http.js';
import { IdInput } from '../inputs.js';
import type { Raw } from '../mappers.js';
import { fieldsOf, Subscription, SubscriptionFields, subscriptionBody, subscriptionRead, toSubscription } from '../subscriptions.js';

/**
 * PingOne updates a subscription with a PUT of every attribute
 * (https://developer.pingidentity.com/pingone-api/platform/subscriptions-webhooks/update-subscription.html): the
 * action reads it, lays the given fields over it and sends the whole. A PUT of the same body is safe to repeat.
 */
export const updateSubscription = defineAction({
    name: 'update-subscription',
    description:
        'Changes a webhook subscription: only the fields given change. `enabled: false` suspends it (PingOne keeps its events); `true` resumes it. Omitted `headers` keep the headers PingOne returns for it.',
    roles: ['subscriptionsRead', 'subscriptionsWrite'],
    input: SubscriptionFields.partial().extend({ id: IdInput.describe('The subscription ID.') }),
    output: Subscription,
    exec: async (nango, input) => {
        const context = await readPingOneContext(nango);
        const { id: given, ...changes } = input;
        const id = idSegment(nango, given, 'id');
        const current = await call<Raw>(nango, subscriptionRead(context, id, 'read the webhook subscription'));
        const fields = { ...fieldsOf(current), ...Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) };
        const raw = await call<Raw>(nango, {
            method: 'PUT',
            endpoint: `${context.environmentPath}/subscriptions/${id}`,
            data: subscriptionBody(fields),
            idempotent: true,
            doing: 'update the webhook subscription',
            roles: 'subscriptionsWrite',
        });
        return toSubscription(raw);
    },
});
