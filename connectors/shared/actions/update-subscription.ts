import { idSegment, readPingOneContext } from '../connection.js';
import { defineAction } from '../define.js';
import { fail } from '../errors.js';
import { call } from '../http.js';
import { IdInput } from '../inputs.js';
import type { Raw } from '../mappers.js';
import { fieldsOf, Subscription, SubscriptionFields, subscriptionBody, subscriptionRead, toSubscription } from '../subscriptions.js';

/**
 * PingOne updates a subscription with a PUT of every attribute
 * (https://developer.pingidentity.com/pingone-api/platform/subscriptions-webhooks/update-subscription.html): the
 * action reads it, lays the given fields over it and sends the whole. A PUT of the same body is safe to repeat.
 *
 * Headers are the exception: PingOne's pages do not say whether a read returns their values in clear, so
 * sending back what a read returned could replace a secret with a masked copy. A subscription that has
 * headers is updated only with its headers given again (`{}` removes them).
 */
export const updateSubscription = defineAction({
    name: 'update-subscription',
    description:
        'Changes a webhook subscription: only the fields given change. `enabled: false` suspends it (PingOne keeps its events); `true` resumes it. A subscription with headers needs `headers` again (their values are never read back); `{}` removes them.',
    roles: ['subscriptionsRead', 'subscriptionsWrite'],
    input: SubscriptionFields.partial().extend({ id: IdInput.describe('The subscription ID.') }),
    output: Subscription,
    exec: async (nango, input) => {
        const context = await readPingOneContext(nango);
        const { id: given, ...changes } = input;
        const id = idSegment(nango, given, 'id');
        const current = await call<Raw>(nango, subscriptionRead(context, id, 'read the webhook subscription'));
        const { headers: currentHeaders, ...kept } = fieldsOf(current);
        if (currentHeaders !== undefined && changes.headers === undefined) {
            throw fail(nango, {
                code: 'invalid_input',
                message: `Input field "headers" is required: the subscription sends ${Object.keys(currentHeaders).join(', ')} with each delivery, and their values are not read back from PingOne. Give them again, or {} to remove them.`,
                field: 'headers',
            });
        }
        const fields = { ...kept, ...Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) };
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
