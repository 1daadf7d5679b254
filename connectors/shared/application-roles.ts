// PingOne Authorize application roles: the roles an environment defines for its own applications
// and grants to users (https://developer.pingidentity.com/pingone-api/authorize/application-permissions/application-roles.html),
// not the admin roles of /v1/roles: the records the application-role actions return. A user's
// assignments: https://developer.pingidentity.com/pingone-api/platform/users/user-application-role-assignments.html
import * as z from 'zod';

import { readers, present, type Raw } from './mappers.js';

const text = z.string().optional();

export const ApplicationRole = z.object({
    id: z.string(),
    name: text,
    description: text,
});
export type ApplicationRole = z.infer<typeof ApplicationRole>;

/** An application role a user holds: the role's own ID (PingOne names the assignment by it), for the user. */
export const UserApplicationRole = ApplicationRole.extend({ userId: z.string(), environmentId: text });
export type UserApplicationRole = z.infer<typeof UserApplicationRole>;

export function toApplicationRole(raw: Raw): ApplicationRole {
    return present<ApplicationRole>({
        id: readers.requiredId(raw, 'application role'),
        name: readers.str(raw['name']),
        description: readers.str(raw['description']),
    });
}

export function toUserApplicationRole(userId: string, raw: Raw): UserApplicationRole {
    const role = toApplicationRole(raw);
    return present<UserApplicationRole>({
        id: role.id,
        name: role.name,
        description: role.description,
        userId,
        environmentId: readers.refId(raw['environment']),
    });
}
