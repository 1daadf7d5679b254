// The environment's user schema (https://developer.pingidentity.com/pingone-api/platform/schemas.html):
// "Read All Schemas" lists it (named `User`), "Read All (Schema) Attributes"
// (https://developer.pingidentity.com/pingone-api/platform/schemas/read-all-schema-attributes.html) its
// core, standard and custom attributes.
import { aPageOf, pageItems, type HalCollection } from './answers.js';
import type { PingOneContext } from './connection.js';
import { describeFailure, fail } from './errors.js';
import { tryCall, type CallResult, type PingOneCall, type ProxyNango } from './http.js';
import type { Raw } from './mappers.js';
import type { CollectionRequest } from './paging.js';

const doing = "read the environment's user schema";

function schemasCall(context: PingOneContext): PingOneCall {
    const path = `${context.environmentPath}/schemas`;
    return { method: 'GET', endpoint: path, idempotent: true, answer: aPageOf(context, path, 'schemas'), doing, roles: 'identityRead' };
}

/** The user schema, or why it could not be read (PingOne's failure, or none named `User`). */
export async function findUserSchema(nango: ProxyNango, context: PingOneContext): Promise<CallResult<Raw | undefined>> {
    const result = await tryCall<HalCollection>(nango, schemasCall(context));
    if (!result.ok) return result;
    const user = pageItems(result.data, 'schemas').find(
        (schema): schema is Raw => (schema as Raw | null)?.['name'] === 'User' && typeof (schema as Raw)['id'] === 'string',
    );
    return { ok: true, status: result.status, data: user };
}

/** The user schema; a failure, or an environment without one, is an ActionError. */
export async function userSchema(nango: ProxyNango, context: PingOneContext): Promise<Raw> {
    const found = await findUserSchema(nango, context);
    if (!found.ok) {
        throw fail(nango, describeFailure(found.failure, { doing, roles: 'identityRead' }));
    }
    if (found.data === undefined) {
        throw fail(nango, { code: 'user_schema_not_found', message: 'PingOne lists no schema named User in this environment.' });
    }
    return found.data;
}

export function schemaAttributesRequest(context: PingOneContext, schemaId: string): CollectionRequest {
    return {
        path: `${context.environmentPath}/schemas/${encodeURIComponent(schemaId)}/attributes`,
        embedded: 'attributes',
        doing: "list the user schema's attributes",
        roles: 'identityRead',
    };
}
