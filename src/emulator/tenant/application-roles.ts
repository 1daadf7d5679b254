// An environment's PingOne Authorize application roles and which users hold them
// (https://developer.pingidentity.com/pingone-api/authorize/application-permissions/application-roles.html,
// https://developer.pingidentity.com/pingone-api/platform/users/user-application-role-assignments.html).
// The emulator seeds a few roles per environment, as an admin would define them in the console
// ("up to 128 application roles in each PingOne environment", names of at most 20 characters:
// https://docs.pingidentity.com/r/en-us/pingone/pingone_p1az_adding_application_roles). Nobody holds
// one until it is assigned.
import { seededUuid } from '../random.js';
import type { Json } from './records.js';
import type { Tenant } from './tenant.js';

const SEEDED_ROLES = [
    { name: 'Invoice Approver', description: 'Approves invoices in the billing application.' },
    { name: 'Billing Viewer', description: 'Reads invoices and statements.' },
    { name: 'Support Agent', description: 'Works customer tickets.' },
];

export class ApplicationRoleStore {
    /** The environment's application roles, by ID. */
    readonly roles = new Map<string, Json>();
    /** User ID -> the IDs of the application roles the user holds, in the order assigned. */
    private readonly held = new Map<string, string[]>();

    constructor(environmentId: string) {
        for (const role of SEEDED_ROLES) {
            const id = seededUuid(environmentId, `application-role:${role.name}`);
            this.roles.set(id, { id, ...role });
        }
    }

    /** The roles the user holds; a role deleted since is no longer listed. */
    of(userId: string): Json[] {
        return (this.held.get(userId) ?? []).flatMap((id) => {
            const role = this.roles.get(id);
            return role ? [role] : [];
        });
    }

    holds(userId: string, roleId: string): boolean {
        return this.held.get(userId)?.includes(roleId) === true;
    }

    assign(userId: string, roleId: string): void {
        this.held.set(userId, [...(this.held.get(userId) ?? []), roleId]);
    }

    /** False when the user does not hold the role. */
    remove(userId: string, roleId: string): boolean {
        if (!this.holds(userId, roleId)) return false;
        this.held.set(
            userId,
            (this.held.get(userId) ?? []).filter((id) => id !== roleId),
        );
        return true;
    }
}

const stores = new WeakMap<Tenant, ApplicationRoleStore>();

/** The tenant's application roles, made (and seeded) on first use. */
export function applicationRolesOf(tenant: Tenant): ApplicationRoleStore {
    let store = stores.get(tenant);
    if (!store) {
        store = new ApplicationRoleStore(tenant.id);
        stores.set(tenant, store);
    }
    return store;
}
