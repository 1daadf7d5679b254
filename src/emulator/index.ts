import { createAdmin, type EmulatorAdmin } from './admin.js';
import { Emulation } from './emulation.js';
import { EmulatorServer } from './http/server.js';
import { resolveOptions, type EmulatorOptions } from './options.js';
import { buildRouter } from './routes.js';

export type { EmulatorOptions, RateLimitSettings, Tld } from './options.js';
export type { FaultSettings } from './faults/fault-settings.js';
export type { EmulatorAdmin, CreateApplicationOptions, CreatedApplication, RoleGrant, RoleName } from './admin.js';
export type { EmulatorStats } from './stats.js';
export { activityTypes } from './tenant/activity-types.js';

export interface RunningEmulator {
    /** The loopback origin, e.g. `http://127.0.0.1:43121`. */
    url: string;
    environmentId: string;
    organizationId: string;
    tld: string;
    /** The seeded Worker app (client credentials; roles allow every call). */
    worker: { clientId: string; clientSecret: string };
    /** The seeded OIDC Web App (authorization code + PKCE, refresh tokens). */
    web: { clientId: string; clientSecret: string; redirectUris: string[] };
    /** The seeded admin who can sign on at the authorize page; auth-code tokens carry their roles. */
    signOnUser: { id: string; username: string; password: string };
    admin: EmulatorAdmin;
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
        worker: { ...seeded.worker },
        web: { ...seeded.web, redirectUris: [...seeded.web.redirectUris] },
        signOnUser: { ...seeded.signOnUser },
        admin: createAdmin(emulation),
        close: () => server.close(),
    };
}
