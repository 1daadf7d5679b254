import type { Emulation } from '../emulation.js';
import { apiErrors } from '../http/api-error.js';
import { jsonBody, requireContentType, type RequestContext } from '../http/context.js';
import { created, json, noContent, type Reply } from '../http/reply.js';
import type { Route } from '../http/router.js';
import { activityTypes } from '../tenant/activity-types.js';
import { nowIso, type Json, type PasswordState } from '../tenant/records.js';
import { randomUuid } from '../random.js';
import { auditUser } from './audit.js';
import { tenantOf, userOf } from './lookup.js';
import { checkUserAttributes, checkUsernameFree, mergePatch, populationRef, serverManagedUserKeys } from './user-input.js';
import { newUserRecord } from '../tenant/new-user.js';
import { userFilterRules } from './filter-rules.js';
import { listUsers } from './users-list.js';
import { checkPreEncoded } from './pre-encoded.js';
import { liveGroupIds } from './user-counts.js';
import { userView } from './user-view.js';
import { userAction } from './user-actions.js';

const importType = 'application/vnd.pingidentity.user.import+json';

function importedPassword(body: Json): PasswordState {
    const password = body.password as Json | undefined;
    if (password === undefined) return { status: 'NO_PASSWORD' };
    if (typeof password !== 'object' || typeof password.value !== 'string' || password.value === '') {
        throw apiErrors.invalidValue('password.value', 'password must be an object such as {"value": "...", "forceChange": false}.');
    }
    // A pre-encoded password is kept as given: the emulator cannot check a sign-on against it, as PingOne can.
    checkPreEncoded(password.value, password.forceChange);
    return { value: password.value, status: password.forceChange === true ? 'MUST_CHANGE_PASSWORD' : 'OK', lastChangedAt: nowIso() };
}

/**
 * The import's lifecycle: `status` ACCOUNT_OK or VERIFICATION_REQUIRED, and `suppressVerificationCode`
 * (https://developer.pingidentity.com/pingone-api/platform/users/users-1/create-user-import.html). Nothing else is documented, so nothing else is taken.
 */
function importedLifecycle(body: Json): Json {
    if (body.lifecycle === undefined) return { status: 'ACCOUNT_OK' };
    const { status, suppressVerificationCode, ...rest } = (
        typeof body.lifecycle === 'object' && body.lifecycle !== null ? body.lifecycle : { status: undefined }
    ) as Json;
    if (Object.keys(rest).length > 0)
        throw apiErrors.invalidValue('lifecycle', `lifecycle takes status and suppressVerificationCode only, not ${Object.keys(rest).join(', ')}.`);
    if (!['ACCOUNT_OK', 'VERIFICATION_REQUIRED'].includes(String(status))) {
        throw apiErrors.invalidValue('lifecycle.status', 'lifecycle.status must be ACCOUNT_OK or VERIFICATION_REQUIRED.');
    }
    if (suppressVerificationCode !== undefined && typeof suppressVerificationCode !== 'boolean') {
        throw apiErrors.invalidValue('lifecycle.suppressVerificationCode', 'lifecycle.suppressVerificationCode must be a boolean.');
    }
    return { status };
}

function createUser(context: RequestContext, emulation: Emulation): Reply {
    const tenant = tenantOf(emulation, context);
    const contentType = requireContentType(context, ['application/json', importType]);
    const body = jsonBody(context);
    const isImport = contentType === importType;
    if (!isImport && body.password !== undefined) {
        throw apiErrors.invalidValue('password', `A password can be set at creation only with Content-Type ${importType}.`);
    }
    // `enabled` is read-only on create (community spec, User.enabled readOnly); the emulator refuses it
    // rather than guess whether PingOne ignores it. A new user is enabled; PUT /users/{id}/enabled changes it.
    if (body.enabled !== undefined) {
        throw apiErrors.invalidValue('enabled', 'enabled is read-only when creating a user; set it afterwards with PUT /users/{id}/enabled.');
    }
    const attributes = checkUserAttributes(body, emulation.requireEmail, tenant.userSchema);
    checkUsernameFree(tenant, String(attributes.username));
    const populationId = populationRef(tenant, body.population);
    const now = nowIso();
    const id = randomUuid();
    const lifecycle = isImport ? importedLifecycle(body) : { status: 'ACCOUNT_OK' };
    if (isImport && body.emailVerified !== undefined && typeof body.emailVerified !== 'boolean') {
        throw apiErrors.invalidValue('emailVerified', 'emailVerified must be a boolean.');
    }
    const record = newUserRecord({
        id,
        environmentId: tenant.id,
        populationId,
        attributes,
        enabled: true,
        mfaEnabled: body.mfaEnabled === true,
        emailVerified: isImport && body.emailVerified === true,
        lifecycle,
        ...(isImport ? { password: importedPassword(body) } : {}),
        at: now,
    });
    tenant.users.create(record);
    auditUser(tenant, context, activityTypes.userCreated, record, `User ${String(record.body.username)} created`);
    return created(userView(context, tenant, record));
}

function readUser(context: RequestContext, emulation: Emulation): Reply {
    const tenant = tenantOf(emulation, context);
    const record = userOf(tenant, context);
    const view = userView(context, tenant, record);
    const include = (context.query.get('include') ?? '').split(',');
    if (include.includes('memberOfGroupIDs')) view.memberOfGroupIDs = liveGroupIds(tenant, record);
    if (include.includes('memberOfGroupNames')) view.memberOfGroupNames = liveGroupIds(tenant, record).map((id) => String(tenant.groups.get(id)?.name));
    if ((context.query.get('expand') ?? '').split(',').includes('population')) {
        view._embedded = { population: tenant.populations.get(String((record.body.population as Json).id)) };
    }
    return json(200, view);
}

/** PUT replaces (omitted attributes are cleared), PATCH merges (null clears); server-managed attributes stay. */
function writeUser(mode: 'replace' | 'merge') {
    return (context: RequestContext, emulation: Emulation): Reply => {
        const tenant = tenantOf(emulation, context);
        requireContentType(context, ['application/json']);
        const existing = userOf(tenant, context);
        const body = jsonBody(context);
        const attributes = checkUserAttributes(mode === 'replace' ? body : mergePatch(existing.body, body), emulation.requireEmail, tenant.userSchema);
        checkUsernameFree(tenant, String(attributes.username), String(existing.body.id));
        const updated = tenant.users.update(String(existing.body.id), (record) => {
            const kept: Json = {};
            for (const key of serverManagedUserKeys) if (record.body[key] !== undefined) kept[key] = record.body[key];
            record.body = { ...kept, ...attributes, updatedAt: nowIso() };
        });
        if (!updated) throw apiErrors.notFound(`user with ID ${String(existing.body.id)}`);
        auditUser(tenant, context, activityTypes.userUpdated, updated, `User ${String(updated.body.username)} updated`);
        return json(200, userView(context, tenant, updated));
    };
}

function deleteUser(context: RequestContext, emulation: Emulation): Reply {
    const tenant = tenantOf(emulation, context);
    const record = userOf(tenant, context);
    tenant.users.delete(String(record.body.id));
    tenant.roleAssignments.delete(String(record.body.id));
    auditUser(tenant, context, activityTypes.userDeleted, record, `User ${String(record.body.username)} deleted`);
    return noContent();
}

const users = '/v1/environments/:environmentId/users';

export const userRoutes: Route<Emulation>[] = [
    { method: 'GET', pattern: users, access: 'identity:read', populationFilter: { rules: userFilterRules, attribute: 'population.id' }, handler: listUsers },
    { method: 'POST', pattern: users, access: 'identity:write', handler: createUser },
    // Self-service tokens: p1:read:user and p1:update:user on the signed-on user (https://developer.pingidentity.com/pingone-api/foundations/pingone-roles-scopes-and-permissions/access-services-through-scopes-and-roles/pingone-self-management-scopes.html).
    { method: 'GET', pattern: `${users}/:userId`, access: 'identity:read', self: { scope: 'p1:read:user' }, handler: readUser },
    { method: 'PUT', pattern: `${users}/:userId`, access: 'identity:write', self: { scope: 'p1:update:user' }, handler: writeUser('replace') },
    { method: 'PATCH', pattern: `${users}/:userId`, access: 'identity:write', self: { scope: 'p1:update:user' }, handler: writeUser('merge') },
    { method: 'DELETE', pattern: `${users}/:userId`, access: 'identity:write', handler: deleteUser },
    { method: 'POST', pattern: `${users}/:userId`, access: 'identity:write', handler: userAction },
];
