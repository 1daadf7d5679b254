import type { Emulation } from '../emulation.js';
import { apiErrors } from '../http/api-error.js';
import type { RequestContext } from '../http/context.js';
import { json } from '../http/reply.js';
import type { Route } from '../http/router.js';
import type { Tenant } from '../tenant/tenant.js';
import { listCollection } from './collection.js';
import { environmentUrl, tenantOf, withLinks } from './lookup.js';

// The user schema (https://developer.pingidentity.com/pingone-api/platform/schemas.html): "Read All Schemas",
// "Read One Schema" and "Read All (Schema) Attributes"
// (https://developer.pingidentity.com/pingone-api/platform/schemas/read-all-schema-attributes.html).

const schemas = '/v1/environments/:environmentId/schemas';

function schemaOf(tenant: Tenant, context: RequestContext): Tenant['userSchema'] {
    if (context.params.schemaId !== tenant.userSchema.id) throw apiErrors.notFound(`schema with ID ${context.params.schemaId ?? ''}`);
    return tenant.userSchema;
}

function schemaView(context: RequestContext, tenant: Tenant) {
    return withLinks(tenant.userSchema.body(), environmentUrl(context, tenant, `schemas/${tenant.userSchema.id}`));
}

export const schemaRoutes: Route<Emulation>[] = [
    {
        method: 'GET',
        pattern: schemas,
        access: 'identity:read',
        handler: (context, emulation) => {
            const tenant = tenantOf(emulation, context);
            return json(200, listCollection(context, { collection: 'schemas', items: [tenant.userSchema], view: () => schemaView(context, tenant) }));
        },
    },
    {
        method: 'GET',
        pattern: `${schemas}/:schemaId`,
        access: 'identity:read',
        handler: (context, emulation) => {
            const tenant = tenantOf(emulation, context);
            schemaOf(tenant, context);
            return json(200, schemaView(context, tenant));
        },
    },
    {
        method: 'GET',
        pattern: `${schemas}/:schemaId/attributes`,
        access: 'identity:read',
        handler: (context, emulation) => {
            const tenant = tenantOf(emulation, context);
            const schema = schemaOf(tenant, context);
            return json(
                200,
                listCollection(context, {
                    collection: 'attributes',
                    items: [...schema.attributes.values()],
                    view: (attribute) =>
                        withLinks(schema.attributeBody(attribute), environmentUrl(context, tenant, `schemas/${schema.id}/attributes/${attribute.id}`)),
                }),
            );
        },
    },
];
