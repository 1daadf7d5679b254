// The pace of a fan-out, from connection metadata (`maxRequestsPerSecond`) or the default.
import type { NangoAction } from 'nango';
import * as z from 'zod';

import type { FanOutLimits } from './fan-out.js';
import { readMetadata } from './metadata.js';
import { FAN_OUT_LIMITS } from './pingone.js';

export const PacingMetadata = z.object({
    maxRequestsPerSecond: z
        .number()
        .positive()
        .max(10_000)
        .optional()
        .describe(
            "Your licence's rate limit, or less: a fan-out starts at most this many requests per second (default 50), and the local harness runs the connection's request budget just under it (3%).",
        ),
});

export async function fanOutLimits(nango: Pick<NangoAction, 'getMetadata' | 'ActionError'>): Promise<FanOutLimits> {
    const metadata = await readMetadata(nango, PacingMetadata);
    const perSecond = metadata.maxRequestsPerSecond ?? FAN_OUT_LIMITS.perSecond;
    // Fewer workers than the pace needs would only slow it further; more would exceed it.
    return { concurrency: Math.max(1, Math.min(FAN_OUT_LIMITS.concurrency, Math.ceil(perSecond))), perSecond };
}
