import type { Emulation } from '../emulation.js';
import { apiErrors } from '../http/api-error.js';
import { jsonBody, requireContentType, type RequestContext } from '../http/context.js';
import { json, type Reply } from '../http/reply.js';
import type { Route } from '../http/router.js';
import { activityTypes, type ActivityType } from '../tenant/activity-types.js';
import { nowIso, type Json, type UserRecord } from '../tenant/records.js';
import type { Tenant } from '../tenant/tenant.js';
import { auditUser } from './audit.js';
import { environmentUrl, tenantOf, userOf, withLinks } from './lookup.js';
import { populationRef } from './user-input.js';

/** A user sub-resource holding one setting: `/enabled`, `/population`, `/mfaEnabled`. */
interface Attribute {
    path: string;
    /** The self-management scopes that read and write it on the signed-on user, if any (https://developer.pingidentity.com/pingone-api/foundations/pingone-roles-scopes-and-permissions/access-services-through-scopes-and-roles/pingone-self-management-scopes.html). */
    self?: { read: string; write: string };
    read(record: UserRecord): Json;
    /** Applies the body to the record; returns the activity to record, or undefined when nothing changed. */
    write(tenant: Tenant, record: UserRecord, body: Json): ActivityType | undefined;
}

function booleanField(body: Json, name: string): boolean {
    if (typeof body[name] !== 'boolean') throw apiErrors.invalidValue(name, `${name} must be true or false.`);
    return body[name] as boolean;
}

const attributes: Attribute[] = [
    {
        path: 'enabled',
        read: (record) => ({ enabled: record.body.enabled === true }),
        write(_tenant, record, body) {
            const enabled = booleanField(body, 'enabled');
            if (record.body.enabled === enabled) return undefined;
            record.body.enabled = enabled;
            const account = (record.body.account ?? {}) as Json;
            record.body.account = { ...account, canAuthenticate: enabled && account.status !== 'LOCKED' };
            return enabled ? activityTypes.userEnabled : activityTypes.userDisabled;
        },
    },
    {
        path: 'population',
        read: (record) => ({ id: String((record.body.population as Json).id) }),
        write(tenant, record, body) {
            const populationId = populationRef(tenant, body);
            if ((record.body.population as Json).id === populationId) return undefined;
            record.body.population = { id: populationId };
            // Leaving a population leaves the groups bound to it.
            record.groupIds = record.groupIds.filter((groupId) => {
                const scope = tenant.groups.get(groupId)?.population as Json | undefined;
                return scope === undefined || scope.id === populationId;
            });
            return activityTypes.userPopulationChanged;
        },
    },
    {
        path: 'mfaEnabled',
        self: { read: 'p1:read:user', write: 'p1:update:userMfaEnabled' },
        read: (record) => ({ mfaEnabled: record.body.mfaEnabled === true }),
        write(_tenant, record, body) {
            const mfaEnabled = booleanField(body, 'mfaEnabled');
            if (record.body.mfaEnabled === mfaEnabled) return undefined;
            record.body.mfaEnabled = mfaEnabled;
            return activityTypes.userMfaChanged;
        },
    },
];

function view(context: RequestContext, tenant: Tenant, record: UserRecord, attribute: Attribute): Json {
    const user = environmentUrl(context, tenant, `users/${String(record.body.id)}`);
    return withLinks(attribute.read(record), `${user}/${attribute.path}`, { user });
}

const users = '/v1/environments/:environmentId/users/:userId';

export const userAttributeRoutes: Route<Emulation>[] = attributes.flatMap((attribute): Route<Emulation>[] => [
    {
        method: 'GET',
        pattern: `${users}/${attribute.path}`,
        access: 'identity:read',
        ...(attribute.self ? { self: { scope: attribute.self.read } } : {}),
        handler: (context, emulation): Reply => {
            const tenant = tenantOf(emulation, context);
            return json(200, view(context, tenant, userOf(tenant, context), attribute));
        },
    },
    {
        method: 'PUT',
        pattern: `${users}/${attribute.path}`,
        access: 'identity:write',
        ...(attribute.self ? { self: { scope: attribute.self.write } } : {}),
        handler: (context, emulation): Reply => {
            const tenant = tenantOf(emulation, context);
            requireContentType(context, ['application/json']);
            const id = String(userOf(tenant, context).body.id);
            const body = jsonBody(context);
            let activity: ActivityType | undefined;
            const record = tenant.users.update(id, (changed) => {
                activity = attribute.write(tenant, changed, body);
                if (activity) changed.body.updatedAt = nowIso();
            }) as UserRecord;
            if (activity) auditUser(tenant, context, activity, record, `${activity} for ${String(record.body.username)}`);
            return json(200, view(context, tenant, record, attribute));
        },
    },
]);
