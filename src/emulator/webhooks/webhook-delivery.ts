// The subscriptions service of the emulator: every audit activity an environment records is offered to
// each of its subscriptions whose filter matches, and each subscription's queue delivers on its own,
// after the API call that caused the activity has answered.
import type { Json } from '../tenant/records.js';
import type { Tenant } from '../tenant/tenant.js';
import { DeliveryQueue } from './delivery-queue.js';
import { subscriptionMatches } from './event-filter.js';

export interface DeliveryStats {
    delivered: number;
    failed: number;
    lost: number;
}

export class WebhookDelivery {
    private readonly queues = new Map<string, DeliveryQueue>();
    private toLose = 0;
    readonly stats: DeliveryStats = { delivered: 0, failed: 0, lost: 0 };

    constructor(private readonly now: () => number) {}

    /** Listens to a tenant's audit log. */
    watch(tenant: Tenant): void {
        tenant.activities.onRecord((activity) => this.offer(tenant, activity));
    }

    /** The emulator's fault control: the next `count` matched events are never delivered, as if they had expired. */
    loseNext(count: number): void {
        this.toLose += count;
    }

    /** A subscription was created, replaced or re-enabled: its queue picks up what it holds. */
    changed(tenant: Tenant, id: string): void {
        this.queueOf(tenant, id).retryNow();
    }

    /** A subscription was deleted: its undelivered events go with it. */
    async removed(id: string): Promise<void> {
        const queue = this.queues.get(id);
        this.queues.delete(id);
        await queue?.stop();
    }

    async stop(): Promise<void> {
        await Promise.all([...this.queues.values()].map((queue) => queue.stop()));
        this.queues.clear();
    }

    private offer(tenant: Tenant, activity: Json): void {
        for (const [id, subscription] of tenant.subscriptions) {
            if (subscriptionMatches(subscription.filterOptions as Json, activity)) this.queueOf(tenant, id).offer(activity);
        }
    }

    private queueOf(tenant: Tenant, id: string): DeliveryQueue {
        let queue = this.queues.get(id);
        if (queue === undefined) {
            queue = new DeliveryQueue({
                subscription: () => tenant.subscriptions.get(id),
                now: this.now,
                lose: () => {
                    if (this.toLose === 0) return false;
                    this.toLose--;
                    this.stats.lost++;
                    return true;
                },
                attempted: (outcome) => this.stats[outcome]++,
            });
            this.queues.set(id, queue);
        }
        return queue;
    }
}
