import type { Emulation } from '../emulation.js';
import { apiErrors } from '../http/api-error.js';
import { jsonBody, requireContentType, type RequestContext } from '../http/context.js';
import { created, json, noContent, type Reply } from '../http/reply.js';
import type { Access, Route } from '../http/router.js';
import { randomUuid } from '../random.js';
import type { ActivityResource } from '../tenant/activity-log.js';
import type { ActivityType } from '../tenant/activity-types.js';
import { nowIso, type Json } from '../tenant/records.js';
import type { Tenant } from '../tenant/tenant.js';
import { listCollection } from './collection.js';
import { mergePatch } from './user-input.js';
import { environmentUrl, tenantOf, withLinks } from './lookup.js';
import type { FilterRules } from './scim-filter.js';

/** How one small collection of an environment (groups, populations, applications) is served. */
export interface EntityKind {
    /** Path segment and `_embedded` key, e.g. `groups`. */
    collection: string;
    /** Route parameter name, e.g. `groupId`. */
    idParam: string;
    /** Words for error messages, e.g. `group`. */
    noun: string;
    resourceType: ActivityResource['type'];
    map(tenant: Tenant): Map<string, Json>;
    rules: FilterRules;
    read: Access;
    write: Access;
    /** Attributes the server keeps on replace. */
    serverManaged: readonly string[];
    /** Checks a new or changed body (throws 400); `selfId` is absent on create. */
    validate(tenant: Tenant, body: Json, selfId: string | undefined, emulation: Emulation): Json;
    /** Extra fields of a read (e.g. member counts), by the `include` query. */
    decorate?(tenant: Tenant, entity: Json, context: RequestContext): Json;
    /** Refuses a delete (throws) or cleans up after one. */
    beforeDelete?(tenant: Tenant, entity: Json): void;
    activities: { created: ActivityType; updated: ActivityType; deleted: ActivityType };
    /** Set when PingOne documents PUT only: PATCH is then refused (405). */
    replaceOnly?: boolean;
}

/** The names an identity entity kind goes by, all derived from its noun (`group`: `groups`, `groupId`, GROUP, GROUP.CREATED, ...). */
export function entityNames<Noun extends 'group' | 'population'>(
    noun: Noun,
): Pick<EntityKind, 'collection' | 'idParam' | 'noun' | 'resourceType' | 'activities'> {
    const resource = noun.toUpperCase() as Uppercase<Noun>;
    return {
        collection: `${noun}s`,
        idParam: `${noun}Id`,
        noun,
        resourceType: resource,
        activities: { created: `${resource}.CREATED`, updated: `${resource}.UPDATED`, deleted: `${resource}.DELETED` },
    };
}

export function entityView(context: RequestContext, tenant: Tenant, kind: EntityKind, entity: Json): Json {
    return withLinks(entity, environmentUrl(context, tenant, `${kind.collection}/${String(entity.id)}`), { environment: environmentUrl(context, tenant) });
}

function entityOrThrow(kind: EntityKind, tenant: Tenant, context: RequestContext): Json {
    const id = context.params[kind.idParam] ?? '';
    const entity = kind.map(tenant).get(id);
    if (!entity) throw apiErrors.notFound(`${kind.noun} with ID ${id}`);
    return entity;
}

function audit(kind: EntityKind, tenant: Tenant, context: RequestContext, type: ActivityType, entity: Json): void {
    tenant.activities.record(
        type,
        [{ type: kind.resourceType, id: String(entity.id), name: String(entity.name ?? entity.id) }],
        context.actor,
        `${type} ${String(entity.name ?? '')}`.trim(),
    );
}

function withoutServerManaged(kind: EntityKind, body: Json): Json {
    const clean = { ...body };
    for (const key of ['id', 'environment', 'createdAt', 'updatedAt', '_links', '_embedded', ...kind.serverManaged]) delete clean[key];
    return clean;
}

/** A handler of one entity's route, given the environment and the entity (404 when either is unknown). */
function onEntity(kind: EntityKind, handle: (context: RequestContext, tenant: Tenant, entity: Json) => Reply) {
    return (context: RequestContext, emulation: Emulation): Reply => {
        const tenant = tenantOf(emulation, context);
        return handle(context, tenant, entityOrThrow(kind, tenant, context));
    };
}

/** List, create, read, replace, patch and delete routes for one entity kind. */
export function entityRoutes(kind: EntityKind): Route<Emulation>[] {
    const base = `/v1/environments/:environmentId/${kind.collection}`;
    const one = `${base}/:${kind.idParam}`;
    const write =
        (mode: 'replace' | 'merge') =>
        (context: RequestContext, emulation: Emulation): Reply => {
            const tenant = tenantOf(emulation, context);
            requireContentType(context, ['application/json']);
            const existing = entityOrThrow(kind, tenant, context);
            const body = withoutServerManaged(kind, jsonBody(context));
            const kept: Json = {};
            for (const key of ['id', 'environment', 'createdAt', ...kind.serverManaged]) if (existing[key] !== undefined) kept[key] = existing[key];
            const next = mode === 'replace' ? body : withoutServerManaged(kind, mergePatch(existing, body));
            const updated = { ...kept, ...kind.validate(tenant, next, String(existing.id), emulation), updatedAt: nowIso() };
            kind.map(tenant).set(String(existing.id), updated);
            audit(kind, tenant, context, kind.activities.updated, updated);
            return json(200, entityView(context, tenant, kind, updated));
        };
    return [
        {
            method: 'GET',
            pattern: base,
            access: kind.read,
            handler: (context, emulation) => {
                const tenant = tenantOf(emulation, context);
                return json(
                    200,
                    listCollection(context, {
                        collection: kind.collection,
                        items: kind.map(tenant).values(),
                        rules: kind.rules,
                        view: (entity) => entityView(context, tenant, kind, entity),
                    }),
                );
            },
        },
        {
            method: 'POST',
            pattern: base,
            access: kind.write,
            handler: (context, emulation) => {
                const tenant = tenantOf(emulation, context);
                requireContentType(context, ['application/json']);
                const now = nowIso();
                const entity: Json = {
                    id: randomUuid(),
                    environment: { id: tenant.id },
                    ...kind.validate(tenant, withoutServerManaged(kind, jsonBody(context)), undefined, emulation),
                    createdAt: now,
                    updatedAt: now,
                };
                kind.map(tenant).set(String(entity.id), entity);
                audit(kind, tenant, context, kind.activities.created, entity);
                return created(entityView(context, tenant, kind, entity));
            },
        },
        {
            method: 'GET',
            pattern: one,
            access: kind.read,
            handler: onEntity(kind, (context, tenant, entity) =>
                json(200, entityView(context, tenant, kind, kind.decorate ? kind.decorate(tenant, entity, context) : entity)),
            ),
        },
        { method: 'PUT', pattern: one, access: kind.write, handler: write('replace') },
        ...(kind.replaceOnly ? [] : [{ method: 'PATCH' as const, pattern: one, access: kind.write, handler: write('merge') }]),
        {
            method: 'DELETE',
            pattern: one,
            access: kind.write,
            handler: onEntity(kind, (context, tenant, entity) => {
                kind.beforeDelete?.(tenant, entity);
                kind.map(tenant).delete(String(entity.id));
                audit(kind, tenant, context, kind.activities.deleted, entity);
                return noContent();
            }),
        },
    ];
}

/** A required, non-empty string attribute of at most `max` characters. */
export function requiredName(body: Json, field: string, max = 256): string {
    const value = body[field];
    if (typeof value !== 'string' || value.trim() === '') throw apiErrors.required(field);
    if (value.length > max)
        throw apiErrors.invalidData({
            code: 'SIZE_LIMIT_EXCEEDED',
            target: field,
            message: `${field} must be at most ${max} characters.`,
            innerError: { maximumValue: max },
        });
    return value;
}

export function uniqueName(map: Map<string, Json>, name: string, selfId: string | undefined, sameScope: (other: Json) => boolean = () => true): void {
    for (const other of map.values()) {
        if (other.id !== selfId && String(other.name).toLowerCase() === name.toLowerCase() && sameScope(other)) {
            throw apiErrors.invalidData({
                code: 'UNIQUENESS_VIOLATION',
                target: 'name',
                message: 'name must be unique',
                innerError: { existingId: String(other.id) },
            });
        }
    }
}
