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

/** Set when an earlier attempt, whose answer was lost, had already done it (PingOne answered the repeat 404). */
const AlreadyGoneNote = z.string().optional().describe('Set when an earlier attempt, whose answer was lost, had already done it.');
export const Removed = z.object({ id: z.string(), removed: z.literal(true), note: AlreadyGoneNote });
export const Deleted = z.object({ id: z.string(), deleted: z.literal(true), note: AlreadyGoneNote });
export const PasswordOutcome = z.object({ id: z.string(), passwordStatus: z.string().optional() });
