import { activityRoutes } from './api/activities.js';
import { applicationRoutes } from './api/applications.js';
import { deviceRoutes } from './api/devices.js';
import { emailVerificationRoutes } from './api/email-verification.js';
import { environmentRoutes } from './api/environments.js';
import { groupRoutes, populationRoutes } from './api/groups-and-populations.js';
import { membershipRoutes } from './api/memberships.js';
import { passwordRoutes } from './api/passwords.js';
import { roleAssignmentRoutes } from './api/role-assignments.js';
import { roleRoutes } from './api/roles.js';
import { schemaRoutes } from './api/schemas.js';
import { sessionRoutes } from './api/sessions.js';
import { subscriptionRoutes } from './api/subscriptions.js';
import { userAttributeRoutes } from './api/user-attributes.js';
import { userRoutes } from './api/users.js';
import { authRoutes } from './auth/routes.js';
import { configurationRoutes } from './api/configuration.js';
import { groupNestingRoutes } from './api/group-nesting.js';
import { linkedAccountRoutes } from './api/linked-accounts.js';
import { applicationRoleRoutes } from './api/application-roles.js';
import type { Emulation } from './emulation.js';
import { Router } from './http/router.js';

/** Every route the emulator serves, auth server and management API on one port. */
export function buildRouter(): Router<Emulation> {
    return new Router<Emulation>().add([
        ...authRoutes,
        ...environmentRoutes,
        ...roleRoutes,
        ...userRoutes,
        ...userAttributeRoutes,
        ...passwordRoutes,
        ...membershipRoutes,
        ...deviceRoutes,
        ...roleAssignmentRoutes,
        ...schemaRoutes,
        ...groupRoutes,
        ...populationRoutes,
        ...applicationRoutes,
        ...activityRoutes,
        ...sessionRoutes,
        ...emailVerificationRoutes,
        ...subscriptionRoutes,
        ...groupNestingRoutes,
        ...linkedAccountRoutes,
        ...configurationRoutes,
        ...applicationRoleRoutes,
    ]);
}
