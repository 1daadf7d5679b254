// One subscription's deliveries, in order, one request at a time, as PingOne documents them
// (https://developer.pingidentity.com/pingone-api/platform/subscriptions-webhooks.html): "The webhook
// continues to retry the current event until a 200 response is returned. It doesn't move on to the next
// event until a 200 response has returned or the event has expired", and a target down "for longer than
// 7 days" loses events. A request carries "a single JSON document with a batch of up to 500 events ...
// as an array" (https://docs.pingidentity.com/pingone/integrations/p1_create_webhook.html). A suspended
// subscription (`enabled: false`) keeps its events and delivers them when enabled again.
//
// PingOne does not document how long it waits between attempts or for an answer: the emulator waits
// 250 ms after a failed attempt, doubling up to 5 s, and gives an attempt 10 s.
import { Agent, fetch } from 'undici';

import type { Json } from '../tenant/records.js';

const BATCH_MAX = 500;
const FIRST_WAIT_MS = 250;
const MAX_WAIT_MS = 5_000;
const ATTEMPT_TIMEOUT_MS = 10_000;
const RETENTION_MS = 7 * 24 * 3_600_000;

/** `verifyTlsCertificates: false`: "all certificates are trusted" (the data model). */
const trustingEveryCertificate = new Agent({ connect: { rejectUnauthorized: false } });

/** How a queue reaches the world: the subscription as it stands now (undefined once deleted) and the clock. */
export interface QueueContext {
    subscription(): Json | undefined;
    now(): number;
    /** Whether to lose this event (the emulator's fault control), as if it had expired undelivered. */
    lose(): boolean;
    /** Counts each attempt, for tests and the emulator's stats. */
    attempted(outcome: 'delivered' | 'failed'): void;
}

export class DeliveryQueue {
    private readonly pending: Json[] = [];
    private draining: Promise<void> | undefined;
    private timer: NodeJS.Timeout | undefined;
    private wakeUp: (() => void) | undefined;
    private stopped = false;

    constructor(private readonly context: QueueContext) {}

    /** Queues an activity the subscription matched; delivery starts on a later turn, never in the caller's. */
    offer(activity: Json): void {
        if (this.context.lose()) return;
        this.pending.push(activity);
        this.kick();
    }

    /** Starts delivering if there is something to deliver and nobody is. */
    kick(): void {
        if (this.draining !== undefined || this.stopped || this.pending.length === 0) return;
        this.draining = new Promise<void>((resolve) => setImmediate(resolve))
            .then(() => this.drain())
            .finally(() => {
                this.draining = undefined;
                this.kick();
            });
    }

    /** The subscription changed (a new URL, headers, or enabled again): the next attempt goes now, not after the wait. */
    retryNow(): void {
        clearTimeout(this.timer);
        this.wakeUp?.();
        this.kick();
    }

    /** Stops for good (the subscription was deleted, or the emulator closed); resolves when no request is in flight. */
    async stop(): Promise<void> {
        this.stopped = true;
        clearTimeout(this.timer);
        this.wakeUp?.();
        await this.draining;
    }

    private async drain(): Promise<void> {
        let wait = FIRST_WAIT_MS;
        for (;;) {
            const subscription = this.context.subscription();
            if (this.stopped || subscription === undefined || subscription.enabled !== true) return;
            this.dropExpired();
            const batch = this.pending.slice(0, BATCH_MAX);
            if (batch.length === 0) return;
            if (await this.post(subscription, batch)) {
                this.pending.splice(0, batch.length);
                wait = FIRST_WAIT_MS;
                continue;
            }
            await this.pause(wait);
            wait = Math.min(wait * 2, MAX_WAIT_MS);
        }
    }

    private dropExpired(): void {
        const oldest = this.context.now() - RETENTION_MS;
        while (this.pending.length > 0 && Date.parse(String(this.pending[0]?.recordedAt)) < oldest) this.pending.shift();
    }

    /** One attempt: true only for a 200, as PingOne moves on only then. */
    private async post(subscription: Json, batch: Json[]): Promise<boolean> {
        const endpoint = subscription.httpEndpoint as { url: string; headers?: Record<string, string> };
        try {
            const response = await fetch(endpoint.url, {
                method: 'POST',
                headers: { ...endpoint.headers, 'content-type': 'application/json' },
                body: JSON.stringify(batch),
                redirect: 'manual',
                signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
                ...(subscription.verifyTlsCertificates === false ? { dispatcher: trustingEveryCertificate } : {}),
            });
            await response.body?.cancel();
            this.context.attempted(response.status === 200 ? 'delivered' : 'failed');
            return response.status === 200;
        } catch {
            this.context.attempted('failed');
            return false;
        }
    }

    private pause(ms: number): Promise<void> {
        return new Promise((resolve) => {
            this.wakeUp = resolve;
            this.timer = setTimeout(resolve, ms);
        });
    }
}
