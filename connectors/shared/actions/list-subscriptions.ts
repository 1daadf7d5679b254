import * as z from 'zod';

import { readPingOneContext } from '../connection.js';
import { defineAction } from '../define.js';
import { CursorInput } from '../inputs.js';
import type { Raw } from '../mappers.js';
import { cursorPage } from '../paging.js';
import { Subscription, subscriptionsRequest, toSubscription } from '../subscriptions.js';

export const listSubscriptions = defineAction({
    name: 'list-subscriptions',
    description: "Lists the environment's webhook subscriptions a page at a time; pass `next_cursor` back for the next page. Header values are never shown.",
    roles: ['subscriptionsRead'],
    input: z.strictObject({ cursor: CursorInput.optional() }),
    output: z.object({ subscriptions: z.array(Subscription), next_cursor: z.string().optional() }),
    exec: async (nango, input) => {
        const context = await readPingOneContext(nango);
        const page = await cursorPage<Raw>(nango, context, subscriptionsRequest(context), input.cursor);
        return { subscriptions: page.items.map(toSubscription), ...(page.next_cursor ? { next_cursor: page.next_cursor } : {}) };
    },
});
