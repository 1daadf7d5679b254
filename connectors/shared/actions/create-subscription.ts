import { readPingOneContext } from '../connection.js';
import { defineAction } from '../define.js';
import { describeFailure, fail } from '../errors.js';
import { tryCall } from '../http.js';
import type { Raw } from '../mappers.js';
import { allItems } from '../paging.js';
import { Subscription, SubscriptionFields, subscriptionBody, subscriptionsRequest, toSubscription } from '../subscriptions.js';

/** "The service supports a maximum of 50 subscriptions. Attempts to create more than 50 subscriptions result in a 403 Forbidden error." */
const MAX_SUBSCRIPTIONS = 50;

export const createSubscription = defineAction({
    name: 'create-subscription',
    description:
        "Creates a webhook subscription: PingOne then POSTs the audit events of the chosen action types to `url`, with `headers` (the endpoint's proof that a delivery comes from PingOne), retrying each until the endpoint answers 200.",
    roles: ['subscriptionsWrite'],
    input: SubscriptionFields,
    output: Subscription,
    exec: async (nango, input) => {
        const context = await readPingOneContext(nango);
        const request = {
            method: 'POST' as const,
            endpoint: `${context.environmentPath}/subscriptions`,
            data: subscriptionBody(input),
            idempotent: false as const,
            ifUnsure: `Run list-subscriptions and look for a subscription named ${JSON.stringify(input.name)}`,
            doing: 'create the webhook subscription',
            roles: 'subscriptionsWrite' as const,
        };
        const result = await tryCall<Raw>(nango, request);
        if (result.ok) return toSubscription(result.data);
        // PingOne answers 403 both to a missing role and to a 51st subscription: the count tells them apart.
        if (result.failure.status === 403) {
            const existing = await allItems<Raw>(nango, context, subscriptionsRequest(context)).catch(() => undefined);
            if (existing !== undefined && existing.length >= MAX_SUBSCRIPTIONS) {
                throw fail(nango, {
                    ...describeFailure(result.failure, request),
                    code: 'subscription_limit',
                    message: `PingOne refused the subscription: the environment has ${existing.length} already, and PingOne allows at most ${MAX_SUBSCRIPTIONS}.`,
                    hint: 'Delete a subscription you no longer need (delete-subscription), or widen an existing one with update-subscription.',
                });
            }
        }
        throw fail(nango, describeFailure(result.failure, request));
    },
});
