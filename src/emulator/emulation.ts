import { GrantStore } from './auth/grant-store.js';
import { SigningKey } from './auth/jwt.js';
import { FaultDice } from './faults/fault-dice.js';
import { RateLimiter } from './faults/rate-limiter.js';
import type { ResolvedOptions } from './options.js';
import { emptyStats, type EmulatorStats } from './stats.js';
import { seedWorld, type SeededWorld } from './tenant/seed.js';
import type { Tenant } from './tenant/tenant.js';
import type { World } from './tenant/world.js';
import { WebhookDelivery } from './webhooks/webhook-delivery.js';

/** PingOne's base rate of the Audit group. */
export const auditRateLimit = { requestsPerSecond: 10 };

/** Everything a running emulator holds; handlers receive it. */
export class Emulation {
    readonly world: World;
    readonly seeded: SeededWorld;
    readonly key = SigningKey.get();
    readonly grants: GrantStore;
    /** Access tokens (by jti) that stopped working early: the early-expiry fault, or a revoked family. */
    readonly revokedTokens = new Set<string>();
    /** Access tokens of earlier generations no longer work (admin.expireAccessTokens starts a new one). */
    tokenGeneration = 0;
    readonly faults: FaultDice;
    readonly rateLimiter: RateLimiter;
    /**
     * The Audit rate-limit group, apart from the rest: 10 requests per second ("The /activities
     * endpoint has a lower rate limit than other endpoints",
     * https://developer.pingidentity.com/pingone-api/platform/audit-activities.html; Audit 10/s in
     * https://developer.pingidentity.com/pingone-api/platform/rate-limiting/base-rate-limits.html).
     */
    readonly auditRateLimiter = new RateLimiter(auditRateLimit);
    stats: EmulatorStats = emptyStats();
    tokenLifetimeSeconds: number;
    readonly userPageCap: number;
    readonly requireEmail: boolean;
    autoSignOn: boolean;
    /** The region this emulator plays; PingOne's hosts of the other regions do not know its environments. */
    readonly tld: string;
    /** Epoch milliseconds; `EmulatorOptions.clock`. */
    readonly now: () => number;
    /** The subscriptions (webhooks) service: delivers each environment's audit activities. */
    readonly webhooks: WebhookDelivery;

    constructor(options: ResolvedOptions) {
        this.seeded = seedWorld(options);
        this.world = this.seeded.world;
        this.faults = new FaultDice(options.seed, options.faults);
        this.rateLimiter = new RateLimiter(options.rateLimit);
        this.tokenLifetimeSeconds = options.tokenLifetimeSeconds;
        this.userPageCap = options.userPageCap;
        this.requireEmail = options.requireEmail;
        this.autoSignOn = options.autoSignOn;
        this.tld = options.tld;
        this.now = options.clock;
        this.grants = new GrantStore(this.now);
        this.webhooks = new WebhookDelivery(this.now);
        for (const tenant of this.world.tenants.values()) this.webhooks.watch(tenant);
    }

    get primary(): Tenant {
        return this.seeded.primary;
    }
}
