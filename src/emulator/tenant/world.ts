import type { Json } from './records.js';
import type { Tenant } from './tenant.js';

/** The whole emulated organization: its environments, the global roles and where each client lives. */
export class World {
    readonly tenants = new Map<string, Tenant>();

    constructor(
        readonly seed: string,
        readonly tld: string,
        readonly organization: Json,
        readonly roles: Json[],
    ) {}

    get organizationId(): string {
        return String(this.organization.id);
    }

    tenant(environmentId: string): Tenant | undefined {
        return this.tenants.get(environmentId);
    }

    roleId(name: string): string {
        const role = this.roles.find((candidate) => candidate.name === name);
        if (!role) throw new Error(`The emulator has no role named "${name}".`);
        return String(role.id);
    }

    roleName(id: string): string | undefined {
        const role = this.roles.find((candidate) => candidate.id === id);
        return role === undefined ? undefined : String(role.name);
    }
}
