import type { Emulation } from '../emulation.js';
import { apiErrors } from '../http/api-error.js';
import { jsonBody, requireContentType, type RequestContext } from '../http/context.js';
import { created, json, noContent, type Reply } from '../http/reply.js';
import type { Route } from '../http/router.js';
import { randomToken, randomUuid } from '../random.js';
import { activityTypes, type ActivityType } from '../tenant/activity-types.js';
import { nowIso, tokenAuthMethods, type ApplicationRecord, type Json } from '../tenant/records.js';
import { applicationRecord } from '../tenant/seed.js';
import type { Tenant } from '../tenant/tenant.js';
import { listCollection } from './collection.js';
import { requiredName } from './entity-routes.js';
import { applicationFilterRules } from './filter-rules.js';
import { environmentUrl, tenantOf, withLinks } from './lookup.js';

const applicationTypes = ['WORKER', 'WEB_APP', 'SINGLE_PAGE_APP', 'NATIVE_APP'] as const;
const grantTypes = ['AUTHORIZATION_CODE', 'REFRESH_TOKEN', 'CLIENT_CREDENTIALS', 'IMPLICIT'];
const pkceSettings = ['OPTIONAL', 'REQUIRED', 'S256_REQUIRED'] as const;

function applicationView(context: RequestContext, tenant: Tenant, application: ApplicationRecord): Json {
    const self = environmentUrl(context, tenant, `applications/${String(application.body.id)}`);
    return withLinks(application.body, self, {
        secret: `${self}/secret`,
        roleAssignments: `${self}/roleAssignments`,
        environment: environmentUrl(context, tenant),
    });
}

function applicationOf(tenant: Tenant, context: RequestContext): ApplicationRecord {
    const id = context.params.applicationId ?? '';
    const application = tenant.applications.get(id);
    if (!application) throw apiErrors.notFound(`application with ID ${id}`);
    return application;
}

function oneOf<T extends string>(body: Json, field: string, allowed: readonly T[], fallback?: T): T {
    const value = body[field] ?? fallback;
    if (typeof value !== 'string' || !allowed.includes(value as T)) throw apiErrors.invalidValue(field, `${field} must be one of ${allowed.join(', ')}.`);
    return value as T;
}

function stringList(body: Json, field: string, allowed?: readonly string[]): string[] | undefined {
    const value = body[field];
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || (allowed !== undefined && !allowed.includes(item)))) {
        throw apiErrors.invalidValue(field, allowed ? `${field} must be a list of ${allowed.join(', ')}.` : `${field} must be a list of strings.`);
    }
    return value as string[];
}

/** The settings an OIDC application body carries, checked. */
function settingsOf(tenant: Tenant, body: Json): Omit<Parameters<typeof applicationRecord>[1], 'id' | 'secret'> {
    if (body.protocol !== 'OPENID_CONNECT') throw apiErrors.invalidValue('protocol', 'The emulator serves OPENID_CONNECT applications only.');
    const type = oneOf(body, 'type', applicationTypes);
    const redirectUris = stringList(body, 'redirectUris');
    return {
        name: requiredName(body, 'name'),
        type,
        grantTypes: stringList(body, 'grantTypes', grantTypes) ?? (type === 'WORKER' ? ['CLIENT_CREDENTIALS'] : ['AUTHORIZATION_CODE']),
        tokenEndpointAuthMethod: oneOf(
            body,
            'tokenEndpointAuthMethod',
            tokenAuthMethods.map((method) => method.setting),
        ),
        enabled: body.enabled !== false,
        pkceEnforcement: oneOf(body, 'pkceEnforcement', pkceSettings, 'OPTIONAL'),
        ...(redirectUris ? { redirectUris } : {}),
        ...accessControlOf(tenant, body),
    };
}

/**
 * Who may sign on (https://developer.pingidentity.com/pingone-api/platform/applications.html,
 * `accessControl.role.type` ADMIN_USERS_ONLY; `accessControl.group.type` ANY_GROUP or ALL_GROUPS with
 * `accessControl.group.groups[].id`). Strict: anything else in it is refused.
 */
function accessControlOf(tenant: Tenant, body: Json): { accessControl?: Json } {
    const given = body.accessControl;
    if (given === undefined || given === null) return {};
    if (typeof given !== 'object' || Array.isArray(given)) throw apiErrors.invalidValue('accessControl', 'accessControl must be an object.');
    const { role, group, ...rest } = given as Json;
    if (Object.keys(rest).length > 0)
        throw apiErrors.invalidValue('accessControl', `accessControl takes role and group only, not ${Object.keys(rest).join(', ')}.`);
    const accessControl: Json = {};
    if (role !== undefined && role !== null) {
        if ((role as Json).type !== 'ADMIN_USERS_ONLY')
            throw apiErrors.invalidValue('accessControl.role.type', 'accessControl.role.type must be ADMIN_USERS_ONLY.');
        accessControl.role = { type: 'ADMIN_USERS_ONLY' };
    }
    if (group !== undefined && group !== null) {
        const { type, groups } = group as Json;
        if (type !== 'ANY_GROUP' && type !== 'ALL_GROUPS')
            throw apiErrors.invalidValue('accessControl.group.type', 'accessControl.group.type must be ANY_GROUP or ALL_GROUPS.');
        if (!Array.isArray(groups) || groups.length === 0) throw apiErrors.required('accessControl.group.groups');
        const ids = groups.map((item, index) => {
            const id = (item as Json | null)?.id;
            if (typeof id !== 'string' || !tenant.groups.has(id)) {
                throw apiErrors.invalidValue(`accessControl.group.groups[${index}].id`, `No group with ID ${String(id)} exists in this environment.`);
            }
            return { id };
        });
        accessControl.group = { type, groups: ids };
    }
    return { accessControl };
}

function audit(tenant: Tenant, context: RequestContext, type: ActivityType, application: ApplicationRecord): void {
    tenant.activities.record(
        type,
        [{ type: 'APPLICATION', id: String(application.body.id), name: String(application.body.name) }],
        context.actor,
        `${type} ${String(application.body.name)}`,
    );
}

function secretView(context: RequestContext, tenant: Tenant, application: ApplicationRecord): Json {
    const self = environmentUrl(context, tenant, `applications/${String(application.body.id)}/secret`);
    return withLinks(
        {
            secret: application.secret,
            ...(application.previousSecret ? { previous: { secret: application.previousSecret.secret, expiresAt: application.previousSecret.expiresAt } } : {}),
        },
        self,
        { application: environmentUrl(context, tenant, `applications/${String(application.body.id)}`) },
    );
}

const base = '/v1/environments/:environmentId/applications';

export const applicationRoutes: Route<Emulation>[] = [
    {
        method: 'GET',
        pattern: base,
        access: 'applications:read',
        handler: (context, emulation): Reply => {
            const tenant = tenantOf(emulation, context);
            return json(
                200,
                listCollection(context, {
                    collection: 'applications',
                    items: tenant.applications.values(),
                    rules: applicationFilterRules,
                    project: (application) => application.body,
                    view: (application) => applicationView(context, tenant, application),
                }),
            );
        },
    },
    {
        method: 'POST',
        pattern: base,
        access: 'applications:write',
        handler: (context, emulation): Reply => {
            const tenant = tenantOf(emulation, context);
            requireContentType(context, ['application/json']);
            const application = applicationRecord(tenant, { id: randomUuid(), secret: randomToken(32), ...settingsOf(tenant, jsonBody(context)) });
            tenant.applications.set(String(application.body.id), application);
            audit(tenant, context, activityTypes.applicationCreated, application);
            return created(applicationView(context, tenant, application));
        },
    },
    {
        method: 'GET',
        pattern: `${base}/:applicationId`,
        access: 'applications:read',
        handler: (context, emulation): Reply => {
            const tenant = tenantOf(emulation, context);
            return json(200, applicationView(context, tenant, applicationOf(tenant, context)));
        },
    },
    {
        method: 'PUT',
        pattern: `${base}/:applicationId`,
        access: 'applications:write',
        handler: (context, emulation): Reply => {
            const tenant = tenantOf(emulation, context);
            requireContentType(context, ['application/json']);
            const application = applicationOf(tenant, context);
            const settings = settingsOf(tenant, jsonBody(context));
            const replaced = applicationRecord(tenant, {
                id: String(application.body.id),
                secret: application.secret,
                scopes: application.grantedScopes,
                ...settings,
            });
            application.body = { ...replaced.body, createdAt: application.body.createdAt, updatedAt: nowIso() };
            audit(tenant, context, activityTypes.applicationUpdated, application);
            return json(200, applicationView(context, tenant, application));
        },
    },
    {
        method: 'DELETE',
        pattern: `${base}/:applicationId`,
        access: 'applications:write',
        handler: (context, emulation): Reply => {
            const tenant = tenantOf(emulation, context);
            const application = applicationOf(tenant, context);
            tenant.applications.delete(String(application.body.id));
            tenant.roleAssignments.delete(String(application.body.id));
            audit(tenant, context, activityTypes.applicationDeleted, application);
            return noContent();
        },
    },
    {
        method: 'GET',
        pattern: `${base}/:applicationId/secret`,
        access: 'applications:read',
        handler: (context, emulation): Reply => {
            const tenant = tenantOf(emulation, context);
            return json(200, secretView(context, tenant, applicationOf(tenant, context)));
        },
    },
    {
        // Rotates the secret; the previous one keeps working for a grace period (here 24 hours).
        method: 'POST',
        pattern: `${base}/:applicationId/secret`,
        access: 'applications:write',
        handler: (context, emulation): Reply => {
            const tenant = tenantOf(emulation, context);
            const application = applicationOf(tenant, context);
            application.previousSecret = { secret: application.secret, expiresAt: new Date(Date.now() + 86_400_000).toISOString() };
            application.secret = randomToken(32);
            audit(tenant, context, activityTypes.secretRotated, application);
            return json(200, secretView(context, tenant, application));
        },
    },
];
