import { apiErrors } from '../http/api-error.js';
import type { Json } from '../tenant/records.js';
import type { Tenant } from '../tenant/tenant.js';
import type { UserSchema } from '../tenant/user-schema.js';

/** Server-managed user attributes: kept across PUT and PATCH (PingOne changes them only through their own endpoints). */
export const serverManagedUserKeys = [
    'id',
    'environment',
    'population',
    'enabled',
    'mfaEnabled',
    'account',
    'lifecycle',
    'identityProvider',
    'verifyStatus',
    'lastSignOn',
    'emailVerified',
    'createdAt',
] as const;

/** Never taken from a request body: the server-managed keys plus the computed and write-only ones. */
const ignoredOnWrite = [...serverManagedUserKeys, 'updatedAt', 'memberOfGroupIDs', 'memberOfGroupNames', '_links', '_embedded', 'password'];

const stringLimits: Record<string, number> = {
    username: 128,
    email: 256,
    nickname: 256,
    title: 256,
    type: 256,
    locale: 256,
    preferredLanguage: 256,
    timezone: 256,
    mobilePhone: 32,
    primaryPhone: 32,
    externalId: 1024,
    accountId: 256,
};
const objectFields: Record<string, readonly string[]> = {
    name: ['formatted', 'given', 'middle', 'family', 'honorificPrefix', 'honorificSuffix'],
    address: ['streetAddress', 'locality', 'region', 'postalCode', 'countryCode'],
    photo: ['href'],
};

/** RFC 7386 merge: objects merge key by key, `null` removes, anything else replaces. */
export function mergePatch(target: Json, patch: Json): Json {
    const result: Json = { ...target };
    for (const [key, value] of Object.entries(patch)) {
        if (value === null) delete result[key];
        else if (typeof value === 'object' && !Array.isArray(value) && typeof result[key] === 'object' && result[key] !== null && !Array.isArray(result[key])) {
            result[key] = mergePatch(result[key] as Json, value as Json);
        } else result[key] = value;
    }
    return result;
}

/** Drops `null` members (a null clears), recursively in nested objects. */
function withoutNulls(body: Json): Json {
    const result: Json = {};
    for (const [key, value] of Object.entries(body)) {
        if (value === null) continue;
        result[key] = typeof value === 'object' && !Array.isArray(value) ? withoutNulls(value as Json) : value;
    }
    return result;
}

/**
 * Validates the writable attributes of a user (after merge or replace); throws 400 INVALID_DATA naming the field.
 * An attribute the environment's user schema does not declare is refused: a user "can carry" only declared
 * custom attributes (https://developer.pingidentity.com/pingone-api/platform/schemas.html).
 */
export function checkUserAttributes(body: Json, requireEmail: boolean, schema: UserSchema): Json {
    const clean = withoutNulls(body);
    for (const key of ignoredOnWrite) delete clean[key];
    for (const key of Object.keys(clean)) {
        if (!schema.declares(key)) {
            throw apiErrors.invalidValue(key, `${key} is not an attribute of this environment's user schema; declare it as a custom attribute first.`);
        }
    }
    if (typeof clean.username !== 'string' || clean.username.trim() === '') throw apiErrors.required('username');
    if (requireEmail && clean.email === undefined) throw apiErrors.required('email');
    for (const [key, limit] of Object.entries(stringLimits)) {
        const value = clean[key];
        if (value === undefined) continue;
        if (typeof value !== 'string') throw apiErrors.invalidValue(key, `${key} must be a string.`);
        if (value.length > limit) {
            throw apiErrors.invalidData({
                code: 'SIZE_LIMIT_EXCEEDED',
                target: key,
                message: `${key} must be at most ${limit} characters.`,
                innerError: { maximumValue: limit },
            });
        }
    }
    if (typeof clean.email === 'string' && !/^[^@\s]+@[^@\s]+$/.test(clean.email))
        throw apiErrors.invalidValue('email', 'email must be a valid email address.');
    for (const [key, fields] of Object.entries(objectFields)) {
        const value = clean[key];
        if (value === undefined) continue;
        if (typeof value !== 'object' || Array.isArray(value)) throw apiErrors.invalidValue(key, `${key} must be an object.`);
        for (const [field, inner] of Object.entries(value as Json)) {
            if (!fields.includes(field))
                throw apiErrors.invalidValue(`${key}.${field}`, `${key}.${field} is not a known attribute; use one of ${fields.join(', ')}.`);
            if (typeof inner !== 'string') throw apiErrors.invalidValue(`${key}.${field}`, `${key}.${field} must be a string.`);
        }
    }
    const country = (clean.address as Json | undefined)?.countryCode;
    if (country !== undefined && !/^[A-Z]{2}$/.test(String(country)))
        throw apiErrors.invalidValue('address.countryCode', 'address.countryCode must be an ISO 3166-1 alpha-2 code such as "US".');
    return clean;
}

export function checkUsernameFree(tenant: Tenant, username: string, selfId?: string): void {
    const existing = tenant.users.findByUsername(username);
    if (existing && existing.body.id !== selfId) {
        throw apiErrors.invalidData({
            code: 'UNIQUENESS_VIOLATION',
            target: 'username',
            message: 'username must be unique',
            innerError: { existingId: String(existing.body.id) },
        });
    }
}

export function populationRef(tenant: Tenant, value: unknown): string {
    if (value === undefined || value === null) return tenant.defaultPopulationId();
    const id = typeof value === 'object' && !Array.isArray(value) ? (value as Json).id : undefined;
    if (typeof id !== 'string') throw apiErrors.invalidValue('population.id', 'population must be an object such as {"id": "<populationId>"}.');
    if (!tenant.populations.has(id)) throw apiErrors.invalidValue('population.id', `No population with ID ${id} exists in this environment.`);
    return id;
}
