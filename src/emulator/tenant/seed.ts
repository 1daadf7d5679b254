import { createHash } from 'node:crypto';
import { REGIONS } from '../../../connectors/shared/pingone.generated.js';
import type { ResolvedOptions } from '../options.js';
import { seededUuid } from '../random.js';
import { roleDefinitions } from './role-definitions.js';
import type { ApplicationRecord, Json, TokenAuthMethod } from './records.js';
import { seedActivityHistory } from './activity-history.js';
import { newUserRecord } from './new-user.js';
import { Tenant } from './tenant.js';
import { World } from './world.js';

// The seeded organization (documented in docs/emulator.md): two environments,
// populations, groups, generated users, a Worker app (client credentials), a Worker app for admin
// sign-on, an OIDC Web App (self-service), and an admin who can sign on.

const seededAt = '2024-01-02T08:00:00.000Z';

export function seededSecret(seed: string, name: string): string {
    return createHash('sha256').update(`${seed}\0secret\0${name}`).digest('base64url');
}

interface EnvironmentPlan {
    key: string;
    name: string;
    type: 'PRODUCTION' | 'SANDBOX';
    users: number;
    /** Populations beyond the four named ones, numbered (a tenant split many ways). */
    extraPopulations: number;
}

function seedTenant(world: World, plan: EnvironmentPlan, region: string): Tenant {
    const id = (name: string) => seededUuid(world.seed, `${plan.key}:${name}`);
    const environmentId = id('environment');
    const environment: Json = {
        id: environmentId,
        name: plan.name,
        description: `Seeded ${plan.type.toLowerCase()} environment of the PingOne emulator.`,
        type: plan.type,
        region,
        status: 'ACTIVE',
        organization: { id: world.organizationId },
        license: { id: seededUuid(world.seed, 'license'), package: 'PingOne Premium' },
        createdAt: seededAt,
        updatedAt: seededAt,
    };
    const common = { environment: { id: environmentId }, createdAt: seededAt, updatedAt: seededAt };
    const populations: Json[] = [
        { id: id('population:default'), name: 'Default', description: 'Default population', default: true, ...common },
        { id: id('population:employees'), name: 'Employees', description: 'Full-time staff', default: false, ...common },
        { id: id('population:contractors'), name: 'Contractors', description: 'Contractors and temporary staff', default: false, ...common },
        { id: id('population:partners'), name: 'Partners', description: 'Partner organizations', default: false, ...common },
        ...Array.from({ length: plan.extraPopulations }, (_, n) => ({
            id: id(`population:extra-${n + 5}`),
            name: `Population ${n + 5}`,
            description: 'A seeded population',
            default: false,
            ...common,
        })),
    ];
    const contractors = String(populations[2]?.id);
    const groups: Json[] = [
        ...['Administrators', 'Engineering', 'Sales', 'Support', 'All Staff'].map((name) => ({
            id: id(`group:${name}`),
            name,
            description: `${name} group`,
            ...common,
        })),
        { id: id('group:Contractors EMEA'), name: 'Contractors EMEA', description: 'Contractors based in Europe', population: { id: contractors }, ...common },
    ];
    const tenant = new Tenant(
        environment,
        {
            seed: `${world.seed}:${plan.key}`,
            users: plan.users,
            populationIds: populations.map((population) => String(population.id)),
            groups: groups.map((group) => ({ id: String(group.id), ...(group.population ? { populationId: String((group.population as Json).id) } : {}) })),
        },
        populations,
        groups,
    );
    // Every environment comes with a default sign-on policy (https://developer.pingidentity.com/pingone-api/platform/sign-on-policies.html).
    const policy = { id: id('sign-on-policy:single-factor'), name: 'Single_Factor', description: 'Default sign-on policy', default: true, ...common };
    tenant.signOnPolicies.set(policy.id, policy);
    return tenant;
}

export interface ApplicationPlan {
    id: string;
    name: string;
    type: 'WORKER' | 'WEB_APP' | 'SINGLE_PAGE_APP' | 'NATIVE_APP';
    grantTypes: string[];
    tokenEndpointAuthMethod: TokenAuthMethod['setting'];
    redirectUris?: string[];
    enabled?: boolean;
    pkceEnforcement?: 'OPTIONAL' | 'REQUIRED' | 'S256_REQUIRED';
    /** Resource scopes granted on the Resources tab, e.g. `p1:read:user`. Default none. */
    scopes?: string[];
    /** Who may sign on: `{ role?: { type }, group?: { type, groups } }`, already checked. */
    accessControl?: Json;
    secret: string;
}

export function applicationRecord(tenant: Tenant, plan: ApplicationPlan): ApplicationRecord {
    const now = new Date().toISOString();
    return {
        secret: plan.secret,
        grantedScopes: [...(plan.scopes ?? [])],
        body: {
            id: plan.id,
            environment: { id: tenant.id },
            name: plan.name,
            description: `${plan.name} (PingOne emulator)`,
            type: plan.type,
            protocol: 'OPENID_CONNECT',
            enabled: plan.enabled ?? true,
            grantTypes: plan.grantTypes,
            responseTypes: plan.grantTypes.includes('AUTHORIZATION_CODE') ? ['CODE'] : [],
            tokenEndpointAuthMethod: plan.tokenEndpointAuthMethod,
            redirectUris: plan.redirectUris ?? [],
            pkceEnforcement: plan.pkceEnforcement ?? 'OPTIONAL',
            refreshTokenDuration: 2_592_000,
            refreshTokenRollingDuration: 15_552_000,
            additionalRefreshTokenReplayProtectionEnabled: true,
            assignActorRoles: false,
            hiddenFromAppPortal: false,
            ...(plan.accessControl ? { accessControl: plan.accessControl } : {}),
            createdAt: now,
            updatedAt: now,
        },
    };
}

export function roleAssignment(world: World, tenant: Tenant, roleName: string, scope: { type: string; id: string }, seedName: string): Json {
    return {
        id: seededUuid(world.seed, `role-assignment:${seedName}:${roleName}:${scope.id}`),
        role: { id: world.roleId(roleName) },
        scope,
        environment: { id: tenant.id },
        readOnly: false,
    };
}

export interface SeededWorld {
    world: World;
    primary: Tenant;
    /** Client IDs of the seeded applications (their secrets and settings are on the records). */
    worker: string;
    adminSignOn: string;
    web: string;
    signOnUser: { id: string; username: string; password: string };
}

/**
 * The self-management scopes Nango's PingOne page has the OIDC Web App granted ("Common Scopes",
 * https://nango.dev/docs/integrations/all/pingone).
 */
const webAppScopes = ['p1:read:user', 'p1:update:user', 'p1:read:userPassword', 'p1:reset:userPassword', 'p1:read:device', 'p1:update:userMfaEnabled'];

export function seedWorld(options: ResolvedOptions): SeededWorld {
    const seed = options.seed;
    const organization: Json = { id: seededUuid(seed, 'organization'), name: 'Emulated Organization', type: 'INTERNAL' };
    const roles: Json[] = roleDefinitions.map((role) => ({
        id: seededUuid(seed, `role:${role.name}`),
        name: role.name,
        description: role.description,
        applicableTo: role.applicableTo,
        permissions: [],
    }));
    const world = new World(seed, options.tld, organization, roles);
    const region = REGIONS[options.tld].code;
    const primary = seedTenant(
        world,
        { key: 'primary', name: 'Production', type: 'PRODUCTION', users: options.users, extraPopulations: options.populations - 4 },
        region,
    );
    const sandbox = seedTenant(world, { key: 'sandbox', name: 'Sandbox', type: 'SANDBOX', users: 25, extraPopulations: 0 }, region);
    for (const tenant of [primary, sandbox]) world.tenants.set(tenant.id, tenant);

    const environmentScope = { type: 'ENVIRONMENT', id: primary.id };
    const organizationScope = { type: 'ORGANIZATION', id: world.organizationId };

    const worker = applicationRecord(primary, {
        id: seededUuid(seed, 'application:worker'),
        name: 'pingone-connector Worker',
        type: 'WORKER',
        grantTypes: ['CLIENT_CREDENTIALS'],
        tokenEndpointAuthMethod: options.workerAuthMethod,
        secret: seededSecret(seed, 'worker'),
    });
    primary.applications.set(String(worker.body.id), worker);
    primary
        .assignmentsOf(String(worker.body.id))
        .push(
            roleAssignment(world, primary, 'Environment Admin', environmentScope, 'worker'),
            roleAssignment(world, primary, 'Identity Data Admin', environmentScope, 'worker'),
            roleAssignment(world, primary, 'Organization Admin', organizationScope, 'worker'),
        );

    // Admin sign-on: a Worker app with the Authorization Code grant, PKCE and refresh tokens; its tokens
    // carry the signed-on admin's roles, so it holds none itself (https://devops.pingidentity.com/reference/pingone-config/).
    const adminSignOn = applicationRecord(primary, {
        id: seededUuid(seed, 'application:admin-sign-on'),
        name: 'pingone-connector Admin Sign-On',
        type: 'WORKER',
        grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN'],
        tokenEndpointAuthMethod: options.webAuthMethod,
        redirectUris: options.redirectUris,
        pkceEnforcement: 'S256_REQUIRED',
        secret: seededSecret(seed, 'admin-sign-on'),
    });
    primary.applications.set(String(adminSignOn.body.id), adminSignOn);

    // Self-service: an OIDC Web App whose tokens carry only the p1:* scopes granted to it.
    const web = applicationRecord(primary, {
        id: seededUuid(seed, 'application:web'),
        name: 'pingone-connector Web App',
        type: 'WEB_APP',
        grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN'],
        tokenEndpointAuthMethod: options.webAuthMethod,
        redirectUris: options.redirectUris,
        scopes: webAppScopes,
        secret: seededSecret(seed, 'web'),
    });
    primary.applications.set(String(web.body.id), web);

    const password = options.signOnPassword ?? `Emulator-${seededSecret(seed, 'admin-password').slice(0, 10)}!1`;
    const adminId = seededUuid(seed, 'user:admin');
    const username = options.signOnUsername;
    const email = username.includes('@') ? username : `${username}@example.com`;
    primary.users.create(
        newUserRecord({
            id: adminId,
            environmentId: primary.id,
            populationId: primary.defaultPopulationId(),
            attributes: { username, email, name: { given: 'Emulator', family: 'Admin', formatted: 'Emulator Admin' } },
            emailVerified: true,
            password: { value: password, status: 'OK', lastChangedAt: seededAt },
            at: seededAt,
        }),
    );
    primary
        .assignmentsOf(adminId)
        .push(
            roleAssignment(world, primary, 'Environment Admin', environmentScope, 'admin'),
            roleAssignment(world, primary, 'Identity Data Admin', environmentScope, 'admin'),
            roleAssignment(world, primary, 'Organization Admin', organizationScope, 'admin'),
        );

    const startedAt = Date.now();
    seedActivityHistory(primary, seed, String(worker.body.id), startedAt);
    seedActivityHistory(sandbox, seed, undefined, startedAt);

    return {
        world,
        primary,
        worker: String(worker.body.id),
        adminSignOn: String(adminSignOn.body.id),
        web: String(web.body.id),
        signOnUser: { id: adminId, username, password },
    };
}
