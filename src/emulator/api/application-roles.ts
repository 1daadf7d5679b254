// PingOne Authorize application roles: the environment's list ("Application Roles",
// https://developer.pingidentity.com/pingone-api/authorize/application-permissions/application-roles.html,
// `_embedded.roles` of {id, name, description}) and a user's assignments ("User Application Role
// Assignments", https://developer.pingidentity.com/pingone-api/platform/users/user-application-role-assignments.html):
// read (`_embedded.roles`), create with a body of {"id": <application role ID>} (201, the step
// https://developer.pingidentity.com/pingone-api/workflow-library/pingone-authorize/create-and-assign-app-roles/step-9-assign-the-application-role-to-user.html)
// and delete by the application role's ID (204). PingOne documents neither the answer to assigning a
// role the user already holds nor to an unknown role ID: the emulator is strict and refuses both, as
// it does a second group membership (400 INVALID_DATA, UNIQUENESS_VIOLATION / INVALID_VALUE on `id`).
import type { Emulation } from '../emulation.js';
import { apiErrors } from '../http/api-error.js';
import { jsonBody, requireContentType, type RequestContext } from '../http/context.js';
import { created, json, noContent, type Reply } from '../http/reply.js';
import type { Route } from '../http/router.js';
import { applicationRolesOf } from '../tenant/application-roles.js';
import type { Json } from '../tenant/records.js';
import type { Tenant } from '../tenant/tenant.js';
import { listCollection } from './collection.js';
import { environmentUrl, tenantOf, userOf, withLinks } from './lookup.js';

const environmentRoles = '/v1/environments/:environmentId/applicationRoles';
const userRoles = '/v1/environments/:environmentId/users/:userId/applicationRoles';

function roleView(context: RequestContext, tenant: Tenant, role: Json): Json {
    return withLinks(role, environmentUrl(context, tenant, `applicationRoles/${String(role.id)}`), { environment: environmentUrl(context, tenant) });
}

/** A user's assignment: the role's ID, name and description, and the environment. */
function assignmentView(context: RequestContext, tenant: Tenant, userId: string, role: Json): Json {
    const user = environmentUrl(context, tenant, `users/${userId}`);
    return withLinks({ ...role, environment: { id: tenant.id } }, `${user}/applicationRoles/${String(role.id)}`, { user });
}

function assign(context: RequestContext, emulation: Emulation): Reply {
    const tenant = tenantOf(emulation, context);
    requireContentType(context, ['application/json']);
    const userId = String(userOf(tenant, context).body.id);
    const roleId = jsonBody(context).id;
    if (typeof roleId !== 'string') throw apiErrors.required('id');
    const store = applicationRolesOf(tenant);
    const role = store.roles.get(roleId);
    if (!role) throw apiErrors.invalidValue('id', `No application role with ID ${roleId} exists in this environment.`);
    if (store.holds(userId, roleId)) {
        throw apiErrors.invalidData({ code: 'UNIQUENESS_VIOLATION', target: 'id', message: 'The user already holds this application role.' });
    }
    store.assign(userId, roleId);
    return created(assignmentView(context, tenant, userId, role));
}

export const applicationRoleRoutes: Route<Emulation>[] = [
    {
        method: 'GET',
        pattern: environmentRoles,
        access: 'applicationRoles:read',
        handler: (context, emulation) => {
            const tenant = tenantOf(emulation, context);
            const roles = applicationRolesOf(tenant).roles.values();
            return json(200, listCollection(context, { collection: 'roles', items: roles, view: (role) => roleView(context, tenant, role) }));
        },
    },
    {
        method: 'GET',
        pattern: userRoles,
        access: 'applicationRoles:read',
        handler: (context, emulation) => {
            const tenant = tenantOf(emulation, context);
            const userId = String(userOf(tenant, context).body.id);
            const roles = applicationRolesOf(tenant).of(userId);
            return json(200, listCollection(context, { collection: 'roles', items: roles, view: (role) => assignmentView(context, tenant, userId, role) }));
        },
    },
    { method: 'POST', pattern: userRoles, access: 'applicationRoles:write', handler: assign },
    {
        method: 'DELETE',
        pattern: `${userRoles}/:applicationRoleId`,
        access: 'applicationRoles:write',
        handler: (context, emulation) => {
            const tenant = tenantOf(emulation, context);
            const userId = String(userOf(tenant, context).body.id);
            const roleId = context.params.applicationRoleId ?? '';
            if (!applicationRolesOf(tenant).remove(userId, roleId)) throw apiErrors.notFound(`application role assignment for role ${roleId}`);
            return noContent();
        },
    },
];
