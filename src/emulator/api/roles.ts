import type { Emulation } from '../emulation.js';
import { apiErrors } from '../http/api-error.js';
import type { RequestContext } from '../http/context.js';
import { json } from '../http/reply.js';
import type { Route } from '../http/router.js';
import type { Json } from '../tenant/records.js';
import { listCollection } from './collection.js';
import { withLinks } from './lookup.js';

function roleView(context: RequestContext, role: Json): Json {
    return withLinks(role, `${context.origin}/v1/roles/${String(role.id)}`);
}

/** The global built-in roles: readable with any valid token. */
export const roleRoutes: Route<Emulation>[] = [
    {
        method: 'GET',
        pattern: '/v1/roles',
        access: 'token',
        handler: (context, emulation) =>
            json(200, listCollection(context, { collection: 'roles', items: emulation.world.roles, view: (role) => roleView(context, role) })),
    },
    {
        method: 'GET',
        pattern: '/v1/roles/:roleId',
        access: 'token',
        handler: (context, emulation) => {
            const role = emulation.world.roles.find((candidate) => candidate.id === context.params.roleId);
            if (!role) throw apiErrors.notFound(`role with ID ${context.params.roleId ?? ''}`);
            return json(200, roleView(context, role));
        },
    },
];
