// Environment configuration the syncs read: sign-on policies, external identity providers and custom
// admin roles, each a small collection served like groups (list, create, read, replace, delete).
import type { Emulation } from '../emulation.js';
import { ApiError, apiErrors } from '../http/api-error.js';
import type { Route } from '../http/router.js';
import type { Json } from '../tenant/records.js';
import type { Tenant } from '../tenant/tenant.js';
import { entityRoutes, requiredName, uniqueName, type EntityKind } from './entity-routes.js';

/** No filter is documented on these listings: any `filter` is refused. */
const noFilters = { operators: {} };

function optionalString(body: Json, field: string): Json {
    const value = body[field];
    if (value === undefined || value === null) return {};
    if (typeof value !== 'string') throw apiErrors.invalidValue(field, `${field} must be a string.`);
    return { [field]: value };
}

function references(body: Json, field: string, exists: (id: string) => boolean): Json[] {
    const value = body[field];
    if (!Array.isArray(value) || value.length === 0) throw apiErrors.required(field);
    return value.map((item, index) => {
        const id = (item as Json | null)?.id;
        if (typeof id !== 'string' || !exists(id)) throw apiErrors.invalidValue(`${field}[${index}].id`, `${field}[${index}].id names nothing that exists.`);
        return { id };
    });
}

/**
 * What the three configuration collections share: their names, the audit activities named after the
 * resource, no filter, Configuration Read Only's read and Environment Admin's write, and PUT only.
 */
function configurationKind<Resource extends 'SIGN_ON_POLICY' | 'IDENTITY_PROVIDER' | 'ROLE'>(
    names: { collection: string; idParam: string; noun: string; resourceType: Resource },
    map: (tenant: Tenant) => Map<string, Json>,
): Omit<EntityKind, 'validate' | 'serverManaged'> {
    const { resourceType } = names;
    return {
        ...names,
        activities: { created: `${resourceType}.CREATED`, updated: `${resourceType}.UPDATED`, deleted: `${resourceType}.DELETED` },
        map,
        rules: noFilters,
        read: 'configuration:read',
        write: 'configuration:write',
        replaceOnly: true,
    };
}

// https://developer.pingidentity.com/pingone-api/platform/sign-on-policies/sign-on-policies-1.html
const signOnPolicyKind: EntityKind = {
    ...configurationKind(
        { collection: 'signOnPolicies', idParam: 'policyId', noun: 'sign-on policy', resourceType: 'SIGN_ON_POLICY' },
        (tenant) => tenant.signOnPolicies,
    ),
    serverManaged: [],
    validate(tenant, body, selfId) {
        const name = requiredName(body, 'name');
        // "alphanumeric letters, underscore, hyphen, period ... or an absolute URI if the string contains a `:`".
        if (!name.includes(':') && !/^[a-zA-Z0-9_. -]+$/.test(name))
            throw apiErrors.invalidValue('name', 'name may hold letters, digits, _ . - and spaces only.');
        uniqueName(tenant.signOnPolicies, name, selfId);
        if (body.default !== undefined && typeof body.default !== 'boolean') throw apiErrors.invalidValue('default', 'default must be a boolean.');
        const wasDefault = selfId !== undefined && tenant.signOnPolicies.get(selfId)?.default === true;
        // "can only be set to true, in which case ... all other sign-on policies are set to false".
        if (body.default === true) for (const other of tenant.signOnPolicies.values()) if (other.id !== selfId) other.default = false;
        return { name, ...optionalString(body, 'description'), default: body.default === true || wasDefault };
    },
    beforeDelete(_tenant, policy) {
        // Applications without a policy of their own use the default: PingOne documents no way to delete it.
        if (policy.default === true) {
            throw new ApiError(400, 'INVALID_DATA', undefined, [
                { code: 'CONSTRAINT_VIOLATION', target: 'id', message: 'The default sign-on policy cannot be deleted.' },
            ]);
        }
    },
};

const providerTypes = ['FACEBOOK', 'GOOGLE', 'LINKEDIN', 'APPLE', 'AMAZON', 'TWITTER', 'YAHOO', 'PAYPAL', 'MICROSOFT', 'GITHUB', 'OPENID_CONNECT', 'SAML'];

// https://developer.pingidentity.com/pingone-api/platform/identity-provider-management.html ("Base IdP data model").
const identityProviderKind: EntityKind = {
    ...configurationKind(
        { collection: 'identityProviders', idParam: 'providerId', noun: 'identity provider', resourceType: 'IDENTITY_PROVIDER' },
        (tenant) => tenant.identityProviders,
    ),
    serverManaged: [],
    validate(tenant, body, selfId) {
        const name = requiredName(body, 'name');
        uniqueName(tenant.identityProviders, name, selfId);
        if (typeof body.type !== 'string' || !providerTypes.includes(body.type))
            throw apiErrors.invalidValue('type', `type must be one of ${providerTypes.join(', ')}.`);
        if (typeof body.enabled !== 'boolean') throw apiErrors.required('enabled');
        const population = ((body.registration as Json | undefined)?.population as Json | undefined)?.id;
        if (population !== undefined && (typeof population !== 'string' || !tenant.populations.has(population))) {
            throw apiErrors.invalidValue('registration.population.id', 'registration.population.id names no population of this environment.');
        }
        return {
            name,
            type: body.type,
            enabled: body.enabled,
            ...optionalString(body, 'description'),
            ...(population === undefined ? {} : { registration: { population: { id: population } } }),
        };
    },
};

const scopeTypes = ['ORGANIZATION', 'ENVIRONMENT', 'POPULATION', 'APPLICATION'];

const customRoleKind: EntityKind = {
    ...configurationKind({ collection: 'roles', idParam: 'customRoleId', noun: 'custom role', resourceType: 'ROLE' }, (tenant) => tenant.customRoles),
    serverManaged: ['type', 'canAssign'],
    // https://developer.pingidentity.com/pingone-api/platform/roles/custom-roles.html: name, permissions and canBeAssignedBy required.
    validate(tenant: Tenant, body, selfId, emulation) {
        const name = requiredName(body, 'name');
        uniqueName(tenant.customRoles, name, selfId);
        const builtIn = new Set(emulation.world.roles.map((role) => String(role.id)));
        const applicableTo = body.applicableTo ?? ['ENVIRONMENT'];
        if (!Array.isArray(applicableTo) || applicableTo.some((scope) => !scopeTypes.includes(String(scope)))) {
            throw apiErrors.invalidValue('applicableTo', `applicableTo must be a list of ${scopeTypes.join(', ')}.`);
        }
        return {
            name,
            type: 'CUSTOM',
            ...optionalString(body, 'description'),
            applicableTo,
            permissions: references(body, 'permissions', (id) => id.length > 0 && id.length <= 256),
            canBeAssignedBy: references(body, 'canBeAssignedBy', (id) => builtIn.has(id) || tenant.customRoles.has(id)),
        };
    },
};

export const configurationRoutes: Route<Emulation>[] = [
    ...entityRoutes(signOnPolicyKind),
    ...entityRoutes(identityProviderKind),
    ...entityRoutes(customRoleKind),
];
