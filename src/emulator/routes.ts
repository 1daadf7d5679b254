import { environmentRoutes } from './api/environments.js';
import { roleRoutes } from './api/roles.js';
import { userRoutes } from './api/users.js';
import { authRoutes } from './auth/routes.js';
import type { Emulation } from './emulation.js';
import { Router } from './http/router.js';

/** Every route the emulator serves, auth server and management API on one port. */
export function buildRouter(): Router<Emulation> {
    return new Router<Emulation>().add([...authRoutes, ...environmentRoutes, ...roleRoutes, ...userRoutes]);
}
