import type { Emulation } from '../emulation.js';
import { ApiError, apiErrors } from '../http/api-error.js';
import type { Route } from '../http/router.js';
import type { Json } from '../tenant/records.js';
import type { Tenant } from '../tenant/tenant.js';
import { entityNames, entityRoutes, requiredName, uniqueName, type EntityKind } from './entity-routes.js';
import { groupFilterRules, populationFilterRules } from './filter-rules.js';
import { countUsers, liveGroupIds } from './user-counts.js';
import { populationRef } from './user-input.js';

function optionalStrings(body: Json, fields: readonly string[]): Json {
    const result: Json = {};
    for (const field of fields) {
        const value = body[field];
        if (value === undefined || value === null) continue;
        if (typeof value !== 'string') throw apiErrors.invalidValue(field, `${field} must be a string.`);
        result[field] = value;
    }
    return result;
}

const groupKind: EntityKind = {
    ...entityNames('group'),
    map: (tenant) => tenant.groups,
    rules: groupFilterRules,
    read: 'identity:read',
    write: 'identity:write',
    serverManaged: ['population', 'directMemberCounts', 'totalMemberCounts', 'sourceId', 'sourceType', 'displayName'],
    validate(tenant, body, selfId) {
        const name = requiredName(body, 'name');
        const existing = selfId ? tenant.groups.get(selfId) : undefined;
        // The population of a group is fixed at creation.
        const population = existing
            ? (existing.population as Json | undefined)
            : body.population === undefined
              ? undefined
              : { id: populationRef(tenant, body.population) };
        uniqueName(tenant.groups, name, selfId, (other) => (other.population as Json | undefined)?.id === population?.id);
        if (body.customData !== undefined && (typeof body.customData !== 'object' || body.customData === null || Array.isArray(body.customData))) {
            throw apiErrors.invalidValue('customData', 'customData must be a JSON object.');
        }
        return {
            name,
            ...optionalStrings(body, ['description', 'externalId', 'userFilter']),
            ...(body.customData === undefined ? {} : { customData: body.customData }),
            ...(population ? { population } : {}),
        };
    },
    decorate(tenant: Tenant, group, context) {
        const include = (context.query.get('include') ?? '').split(',');
        if (!include.includes('totalMemberCounts') && !include.includes('directMemberCounts')) return group;
        const users = countUsers(tenant, (record) => liveGroupIds(tenant, record).includes(String(group.id)));
        if (users === undefined) return group;
        return {
            ...group,
            ...(include.includes('directMemberCounts') ? { directMemberCounts: { users } } : {}),
            ...(include.includes('totalMemberCounts') ? { totalMemberCounts: { users } } : {}),
        };
    },
};

const populationKind: EntityKind = {
    ...entityNames('population'),
    map: (tenant) => tenant.populations,
    rules: populationFilterRules,
    read: 'identity:read',
    write: 'identity:write',
    serverManaged: ['userCount', 'default'],
    validate(tenant, body, selfId) {
        const name = requiredName(body, 'name');
        uniqueName(tenant.populations, name, selfId);
        return {
            name,
            ...optionalStrings(body, ['description', 'preferredLanguage']),
            default: selfId ? tenant.populations.get(selfId)?.default === true : false,
            ...(Array.isArray(body.alternativeIdentifiers) ? { alternativeIdentifiers: body.alternativeIdentifiers.map(String) } : {}),
        };
    },
    decorate(tenant: Tenant, population) {
        const userCount = countUsers(tenant, (record) => (record.body.population as Json).id === population.id);
        return userCount === undefined ? population : { ...population, userCount };
    },
    beforeDelete(tenant, population) {
        if (population.default === true) {
            throw new ApiError(400, 'INVALID_DATA', undefined, [
                { code: 'CONSTRAINT_VIOLATION', target: 'id', message: 'The default population cannot be deleted.' },
            ]);
        }
        const members = countUsers(tenant, (record) => (record.body.population as Json).id === population.id);
        if (members !== 0) {
            throw new ApiError(400, 'INVALID_DATA', undefined, [
                { code: 'CONSTRAINT_VIOLATION', target: 'id', message: 'A population that has users cannot be deleted; move or delete its users first.' },
            ]);
        }
    },
};

export const groupRoutes: Route<Emulation>[] = entityRoutes(groupKind);
export const populationRoutes: Route<Emulation>[] = entityRoutes(populationKind);
