// Action inputs shared by several actions. IDs are checked again (shape of a PingOne ID) before any
// path is built from them, because a platform may not validate input against these schemas.
import * as z from 'zod';

import { User } from './models.js';

export const UserIdInput = z.object({ id: z.string().describe('The PingOne user ID.') });

/** The user attributes an action may set: `population`, `enabled`, MFA and the password have their own calls. */
export const UserAttributes = User.pick({
    email: true,
    name: true,
    nickname: true,
    title: true,
    type: true,
    locale: true,
    preferredLanguage: true,
    timezone: true,
    mobilePhone: true,
    primaryPhone: true,
    address: true,
    externalId: true,
    accountId: true,
});

/**
 * Custom attributes, passed explicitly: each must be declared in the environment's user schema
 * (https://developer.pingidentity.com/pingone-api/platform/schemas.html); `null` clears one.
 */
export const CustomAttributes = z
    .record(
        z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,99}$/, 'a custom attribute name is a letter then up to 99 letters, digits or underscores'),
        z.union([z.string().max(4096), z.number(), z.boolean(), z.null()]),
    )
    .refine((value) => Object.keys(value).length <= 50, 'at most 50 custom attributes at once')
    .describe("Custom attributes declared in the environment's user schema, by name; null clears one.");

export const Removed = z.object({ id: z.string(), removed: z.literal(true) });
export const Deleted = z.object({ id: z.string(), deleted: z.literal(true) });
export const PasswordOutcome = z.object({ id: z.string(), passwordStatus: z.string().optional() });
