// In-process controls over the state behind the identity actions (sessions, device locks, the codes
// PingOne would email), for tests and the demo. Nothing here is reachable over HTTP.
import type { CodePurpose } from './tenant/outbox.js';
import type { Json } from './tenant/records.js';
import type { Tenant } from './tenant/tenant.js';

export interface IdentityAdmin {
    /** The user's sessions, newest first. */
    sessions(userId: string, environmentId?: string): Json[];
    /** Locks an MFA device as too many failed attempts would (`lock.status` LOCKED). */
    lockDevice(userId: string, deviceId: string, environmentId?: string): void;
    /** The last code of a kind emailed to the user, and where it went. */
    sentCode(purpose: CodePurpose, userId: string, environmentId?: string): { code: string; to: string } | undefined;
}

export function identityAdmin(tenantFor: (environmentId?: string) => Tenant): IdentityAdmin {
    const userBody = (tenant: Tenant, userId: string): Json => {
        const record = tenant.users.get(userId);
        if (!record) throw new Error(`The emulator has no user ${userId}.`);
        return record.body;
    };
    return {
        sessions: (userId, environmentId) => {
            const tenant = tenantFor(environmentId);
            return structuredClone(tenant.sessions.of(userBody(tenant, userId)));
        },
        lockDevice: (userId, deviceId, environmentId) => {
            const tenant = tenantFor(environmentId);
            userBody(tenant, userId);
            tenant.users.update(userId, (record) => {
                record.devices = record.devices.map((device) =>
                    device.id === deviceId ? { ...device, lock: { status: 'LOCKED', expiresAt: new Date(Date.now() + 30 * 60_000).toISOString() } } : device,
                );
            });
        },
        sentCode: (purpose, userId, environmentId) => tenantFor(environmentId).outbox.last(purpose, userId),
    };
}
