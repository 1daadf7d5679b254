import { createAdmin, type EmulatorAdmin } from './admin.js';
import { describeApplication, rolesOf, type AppDescription } from './app-description.js';
import { Emulation } from './emulation.js';
import { EmulatorServer } from './http/server.js';
import { resolveOptions, type EmulatorOptions } from './options.js';
import { buildRouter } from './routes.js';
import type { DeliveryStats } from './webhooks/webhook-delivery.js';

export type { EmulatorOptions, RateLimitSettings, Tld } from './options.js';
export type { FaultSettings } from './faults/fault-settings.js';
export type { EmulatorAdmin, CreateApplicationOptions, CreatedApplication, RoleGrant, RoleName } from './admin.js';
export type { EmulatorStats } from './stats.js';
export type { DeliveryStats } from './webhooks/webhook-delivery.js';
export type { AppDescription } from './app-description.js';
export { activityTypes } from './tenant/activity-types.js';

export interface RunningEmulator {
    /** The loopback origin, e.g. `http://127.0.0.1:43121`. */
    url: string;
    environmentId: string;
    organizationId: string;
    tld: string;
    /** The seeded Worker app (client credentials; its roles allow every call). */
    worker: AppDescription;
    /** The seeded Worker app for admin sign-on (authorization code + PKCE S256, refresh tokens): its tokens carry the signed-on admin's roles. */
    adminSignOn: AppDescription;
    /** The seeded OIDC Web App (self-service): its tokens carry only its p1:* scopes, on the signed-on user alone. */
    web: AppDescription;
    /** The seeded admin who can sign on at the authorize page, and their roles. */
    signOnUser: { id: string; username: string; password: string; roles: Array<{ role: string; scope: string }> };
    admin: EmulatorAdmin;
    /** The subscriptions service: its delivery counts, and a fault that loses the next events as if they expired. */
    webhooks: { stats(): DeliveryStats; loseNext(count: number): void };
    close(): Promise<void>;
}

/** Starts a PingOne emulator on a loopback port: auth server at `/<envId>/as/...`, management API at `/v1/...`. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
    const resolved = resolveOptions(options);
    const emulation = new Emulation(resolved);
    const server = new EmulatorServer(emulation, buildRouter());
    const url = await server.listen(resolved.port, resolved.host);
    const { seeded } = emulation;
    return {
        url,
        environmentId: seeded.primary.id,
        organizationId: emulation.world.organizationId,
        tld: resolved.tld,
        worker: describeApplication(emulation, seeded.worker),
        adminSignOn: describeApplication(emulation, seeded.adminSignOn),
        web: describeApplication(emulation, seeded.web),
        signOnUser: {
            id: seeded.signOnUser.id,
            username: seeded.signOnUser.username,
            password: seeded.signOnUser.password,
            roles: rolesOf(emulation, seeded.signOnUser.id),
        },
        admin: createAdmin(emulation),
        webhooks: { stats: () => ({ ...emulation.webhooks.stats }), loseNext: (count) => emulation.webhooks.loseNext(count) },
        close: async () => {
            await emulation.webhooks.stop();
            await server.close();
        },
    };
}
