// Custom attributes go to PingOne as top-level user attributes, but only those the environment's
// user schema declares: an undeclared name is refused here, before anything is sent, when the schema
// can be read (https://developer.pingidentity.com/pingone-api/platform/schemas.html); otherwise
// PingOne judges it.
import type { NangoAction } from 'nango';

import type { PingOneContext } from './connection.js';
import { fail } from './errors.js';
import { tryCall } from './http.js';
import { findUserSchema, schemaAttributesRequest } from './user-schema.js';

type Attributes = Record<string, string | number | boolean | null>;

interface Listed {
    _embedded?: Record<string, Array<{ name?: unknown; schemaType?: unknown }>>;
}

/** The custom attribute names the user schema declares, or undefined when the schema cannot be read. */
async function declaredCustomNames(nango: Pick<NangoAction, 'proxy' | 'ActionError'>, context: PingOneContext): Promise<Set<string> | undefined> {
    const schema = await findUserSchema(nango, context);
    if (!schema.ok || schema.data === undefined) {
        return undefined;
    }
    const request = schemaAttributesRequest(context, String(schema.data['id']));
    const attributes = await tryCall<Listed>(nango, { method: 'GET', endpoint: request.path, idempotent: true, doing: request.doing, roles: 'identityRead' });
    if (!attributes.ok) {
        return undefined;
    }
    return new Set(
        (attributes.data._embedded?.['attributes'] ?? [])
            .filter((attribute) => attribute.schemaType === 'CUSTOM' && typeof attribute.name === 'string')
            .map((attribute) => String(attribute.name)),
    );
}

/** The request body's custom attributes, checked against the schema where it is known. */
export async function checkedCustomAttributes(
    nango: Pick<NangoAction, 'proxy' | 'ActionError'>,
    context: PingOneContext,
    custom: Attributes | undefined,
    standard: readonly string[],
): Promise<Attributes> {
    if (custom === undefined || Object.keys(custom).length === 0) {
        return {};
    }
    const clash = Object.keys(custom).find((name) => standard.includes(name));
    if (clash !== undefined) {
        throw fail(nango, {
            code: 'invalid_input',
            message: `customAttributes.${clash} is a standard attribute; pass it as "${clash}" at the top level.`,
            field: `customAttributes.${clash}`,
        });
    }
    const declared = await declaredCustomNames(nango, context);
    const unknown = declared === undefined ? undefined : Object.keys(custom).find((name) => !declared.has(name));
    if (unknown !== undefined) {
        throw fail(nango, {
            code: 'invalid_input',
            message: `customAttributes.${unknown} is not declared in the environment's user schema; nothing was sent.`,
            hint: `Declared custom attributes: ${[...(declared ?? [])].join(', ') || 'none'}. Declare it in PingOne (Directory > User Attributes) first, or fix its spelling.`,
            field: `customAttributes.${unknown}`,
        });
    }
    return custom;
}
