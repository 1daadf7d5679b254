import { identityAdmin, type IdentityAdmin } from './admin-identity.js';
import { auditUser } from './api/audit.js';
import { mergePatch } from './api/user-input.js';
import type { Emulation } from './emulation.js';
import type { FaultSettings } from './faults/fault-settings.js';
import type { RateLimitSettings } from './options.js';
import { randomToken, seededUuid } from './random.js';
import { activityTypes, type ActivityType } from './tenant/activity-types.js';
import type { RoleName } from './tenant/role-definitions.js';
import { applicationRecord, roleAssignment } from './tenant/seed.js';
import { emptyStats, type EmulatorStats } from './stats.js';
import type { Json, TokenAuthMethod, UserRecord } from './tenant/records.js';
import type { Tenant } from './tenant/tenant.js';
import { newUserRecord } from './tenant/new-user.js';

export type { RoleName };

export interface RoleGrant {
    role: RoleName;
    /** Default `environment` (the application's environment); `organization` for org-wide roles; or one population. */
    scope?: 'environment' | 'organization' | { populationId: string };
}

export interface CreateApplicationOptions {
    name?: string;
    type?: 'WORKER' | 'WEB_APP' | 'SINGLE_PAGE_APP' | 'NATIVE_APP';
    /** Roles given to the application (Worker apps act with these). Default none. */
    roles?: Array<RoleName | RoleGrant>;
    /** Default CLIENT_SECRET_POST, as the seeded apps. */
    tokenEndpointAuthMethod?: TokenAuthMethod['setting'];
    enabled?: boolean;
    /** Default: CLIENT_CREDENTIALS for a WORKER, AUTHORIZATION_CODE + REFRESH_TOKEN otherwise. */
    grantTypes?: Array<'CLIENT_CREDENTIALS' | 'AUTHORIZATION_CODE' | 'REFRESH_TOKEN'>;
    redirectUris?: string[];
    pkceEnforcement?: 'OPTIONAL' | 'REQUIRED' | 'S256_REQUIRED';
    /** Resource scopes granted on the app's Resources tab (e.g. `p1:read:user`). Default none. */
    scopes?: string[];
    /** Default: the main environment. */
    environmentId?: string;
}

export interface CreatedApplication {
    clientId: string;
    clientSecret: string;
    environmentId: string;
}

export interface RoleSummary {
    role: string;
    scope: string;
}

export interface ApplicationSummary {
    clientId: string;
    type: string;
    grantTypes: string[];
    tokenEndpointAuthMethod: string;
    redirectUris: string[];
    roles: RoleSummary[];
}

/** In-process controls for tests, the demo and benchmarks. Nothing here is reachable over HTTP. */
export interface EmulatorAdmin {
    createApplication(options?: CreateApplicationOptions): CreatedApplication;
    /** Changes an application's settings (enabled flag, auth method, grant types, redirect URIs). */
    updateApplication(clientId: string, changes: Omit<CreateApplicationOptions, 'roles' | 'environmentId' | 'name' | 'type' | 'scopes'>): void;
    /** An application as the emulator's records hold it: type, grant types, token auth method, redirect URIs, and its role assignments by role name. */
    application(clientId: string): ApplicationSummary;
    /** Role assignments of an application or user, by role name and scope type. */
    rolesOf(principalId: string): RoleSummary[];
    /** Replaces an application's (or user's) role assignments. */
    setRoles(principalId: string, roles: Array<RoleName | RoleGrant>): void;
    setFaults(settings: FaultSettings): void;
    faults(): FaultSettings;
    /** `undefined` turns rate limiting off. */
    setRateLimit(settings: RateLimitSettings | undefined): void;
    rateLimit(): RateLimitSettings | undefined;
    /** The Audit group's own limit (PingOne's 10 requests a second by default); undefined lifts it, for tests about something else. */
    setAuditRateLimit(settings: RateLimitSettings | undefined): void;
    setTokenLifetime(seconds: number): void;
    /** Access-token lifetime in seconds. */
    tokenLifetime(): number;
    /** Every access token issued so far stops working (as after a key rotation). */
    expireAccessTokens(): void;
    setAutoSignOn(enabled: boolean): void;
    stats(): EmulatorStats;
    resetStats(): void;
    /** Direct data access, recorded in the audit log as an actor-less change (like a change made in the console). */
    users: {
        count(environmentId?: string): number;
        get(id: string, environmentId?: string): Json | undefined;
        create(attributes: Json & { username: string; password?: string }, environmentId?: string): Json;
        update(id: string, patch: Json, environmentId?: string): Json;
        delete(id: string, environmentId?: string): void;
        /** The user at a position of the list order (0-based), e.g. to pick users of a large tenant. */
        at(position: number, environmentId?: string): Json | undefined;
        setGroups(id: string, groupIds: string[], environmentId?: string): void;
    };
    /** The seeded populations and groups of an environment. */
    directory(environmentId?: string): { populations: Json[]; groups: Json[] };
    /** Sessions, device locks and emailed codes. */
    identity: IdentityAdmin;
}

export function createAdmin(emulation: Emulation): EmulatorAdmin {
    const world = emulation.world;
    const tenantFor = (environmentId?: string): Tenant => {
        const tenant = environmentId === undefined ? emulation.primary : world.tenant(environmentId);
        if (!tenant) throw new Error(`The emulator has no environment ${environmentId ?? ''}.`);
        return tenant;
    };
    const locate = (principalId: string): Tenant => {
        for (const tenant of world.tenants.values()) {
            if (tenant.applications.has(principalId) || tenant.users.get(principalId)) return tenant;
        }
        throw new Error(`The emulator has no application or user ${principalId}.`);
    };
    const assign = (tenant: Tenant, principalId: string, roles: Array<RoleName | RoleGrant>) => {
        const list = tenant.assignmentsOf(principalId);
        list.length = 0;
        for (const entry of roles) {
            const grant = typeof entry === 'string' ? { role: entry } : entry;
            const scope =
                grant.scope === 'organization'
                    ? { type: 'ORGANIZATION', id: world.organizationId }
                    : typeof grant.scope === 'object'
                      ? { type: 'POPULATION', id: grant.scope.populationId }
                      : { type: 'ENVIRONMENT', id: tenant.id };
            list.push(roleAssignment(world, tenant, grant.role, scope, `${principalId}:${randomToken(6)}`));
        }
    };
    const userRecord = (id: string, environmentId?: string): UserRecord => {
        const record = tenantFor(environmentId).users.get(id);
        if (!record) throw new Error(`The emulator has no user ${id}.`);
        return record;
    };
    const audit = (tenant: Tenant, type: ActivityType, record: UserRecord) => auditUser(tenant, undefined, type, record, `${type} (admin)`);
    let applications = 0;

    const rolesOf = (principalId: string): RoleSummary[] =>
        locate(principalId)
            .assignmentsOf(principalId)
            .map((assignment) => {
                const roleId = String((assignment.role as Json).id);
                return { role: world.roleName(roleId) ?? roleId, scope: String((assignment.scope as Json).type) };
            });
    return {
        createApplication(options = {}) {
            const tenant = tenantFor(options.environmentId);
            const type = options.type ?? 'WORKER';
            const id = seededUuid(world.seed, `admin-application:${++applications}:${randomToken(6)}`);
            const record = applicationRecord(tenant, {
                id,
                name: options.name ?? `Test application ${applications}`,
                type,
                grantTypes: options.grantTypes ?? (type === 'WORKER' ? ['CLIENT_CREDENTIALS'] : ['AUTHORIZATION_CODE', 'REFRESH_TOKEN']),
                tokenEndpointAuthMethod: options.tokenEndpointAuthMethod ?? 'CLIENT_SECRET_POST',
                redirectUris: options.redirectUris ?? (type === 'WORKER' ? [] : ['http://127.0.0.1/callback']),
                enabled: options.enabled ?? true,
                pkceEnforcement: options.pkceEnforcement ?? 'OPTIONAL',
                scopes: options.scopes ?? [],
                secret: randomToken(32),
            });
            tenant.applications.set(id, record);
            assign(tenant, id, options.roles ?? []);
            return { clientId: id, clientSecret: record.secret, environmentId: tenant.id };
        },
        updateApplication(clientId, changes) {
            const application = locate(clientId).applications.get(clientId);
            if (!application) throw new Error(`The emulator has no application ${clientId}.`);
            for (const [key, value] of Object.entries(changes)) if (value !== undefined) application.body[key] = value;
            application.body.updatedAt = new Date().toISOString();
        },
        application(clientId) {
            const application = locate(clientId).applications.get(clientId);
            if (!application) throw new Error(`The emulator has no application ${clientId}.`);
            const { type, grantTypes, tokenEndpointAuthMethod, redirectUris } = application.body;
            return {
                clientId,
                type: String(type),
                grantTypes: (grantTypes as string[]).slice(),
                tokenEndpointAuthMethod: String(tokenEndpointAuthMethod),
                redirectUris: (redirectUris as string[]).slice(),
                roles: rolesOf(clientId),
            };
        },
        rolesOf,
        setRoles(principalId, roles) {
            assign(locate(principalId), principalId, roles);
        },
        setFaults: (settings) => emulation.faults.configure(settings),
        faults: () => emulation.faults.current,
        setRateLimit: (settings) => emulation.rateLimiter.configure(settings),
        rateLimit: () => emulation.rateLimiter.current,
        tokenLifetime: () => emulation.tokenLifetimeSeconds,
        setAuditRateLimit: (settings) => emulation.auditRateLimiter.configure(settings),
        setTokenLifetime(seconds) {
            if (!Number.isInteger(seconds) || seconds < 1)
                throw new RangeError(`Token lifetime must be a whole number of seconds, at least 1; got ${seconds}.`);
            emulation.tokenLifetimeSeconds = seconds;
        },
        expireAccessTokens: () => {
            emulation.tokenGeneration++;
        },
        setAutoSignOn: (enabled) => {
            emulation.autoSignOn = enabled;
        },
        stats: () => structuredClone(emulation.stats),
        resetStats: () => {
            emulation.stats = emptyStats();
        },
        users: {
            count: (environmentId) => tenantFor(environmentId).users.size,
            get: (id, environmentId) => tenantFor(environmentId).users.get(id)?.body,
            at: (position, environmentId) => tenantFor(environmentId).users.nth(position)?.body,
            create(attributes, environmentId) {
                const tenant = tenantFor(environmentId);
                const { password, ...rest } = attributes;
                const now = new Date().toISOString();
                const record = newUserRecord({
                    id: seededUuid(world.seed, `admin-user:${randomToken(8)}`),
                    environmentId: tenant.id,
                    populationId: tenant.defaultPopulationId(),
                    attributes: rest,
                    ...(password === undefined ? {} : { password: { value: password, status: 'OK' as const, lastChangedAt: now } }),
                    at: now,
                });
                tenant.users.create(record);
                audit(tenant, activityTypes.userCreated, record);
                return record.body;
            },
            update(id, patch, environmentId) {
                const tenant = tenantFor(environmentId);
                userRecord(id, environmentId);
                const record = tenant.users.update(id, (changed) => {
                    changed.body = { ...mergePatch(changed.body, patch), updatedAt: new Date().toISOString() };
                }) as UserRecord;
                audit(tenant, activityTypes.userUpdated, record);
                return record.body;
            },
            delete(id, environmentId) {
                const tenant = tenantFor(environmentId);
                const record = userRecord(id, environmentId);
                tenant.users.delete(id);
                audit(tenant, activityTypes.userDeleted, record);
            },
            setGroups(id, groupIds, environmentId) {
                const tenant = tenantFor(environmentId);
                userRecord(id, environmentId);
                tenant.users.update(id, (record) => {
                    record.groupIds = [...groupIds];
                });
            },
        },
        directory(environmentId) {
            const tenant = tenantFor(environmentId);
            return { populations: [...tenant.populations.values()], groups: [...tenant.groups.values()] };
        },
        identity: identityAdmin(tenantFor),
    };
}
