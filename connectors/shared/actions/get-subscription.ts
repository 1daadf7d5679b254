import * as z from 'zod';

import { idSegment, readPingOneContext } from '../connection.js';
import { defineAction } from '../define.js';
import { call } from '../http.js';
import { IdInput } from '../inputs.js';
import type { Raw } from '../mappers.js';
import { Subscription, subscriptionRead, toSubscription } from '../subscriptions.js';

export const getSubscription = defineAction({
    name: 'get-subscription',
    description: "Reads one webhook subscription by ID; its headers' names are shown, never their values.",
    roles: ['subscriptionsRead'],
    input: z.strictObject({ id: IdInput.describe('The subscription ID.') }),
    output: Subscription,
    exec: async (nango, input) => {
        const context = await readPingOneContext(nango);
        const id = idSegment(nango, input.id, 'id');
        return toSubscription(await call<Raw>(nango, subscriptionRead(context, id, 'read the webhook subscription')));
    },
});
