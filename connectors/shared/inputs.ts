// Action inputs shared by several actions. IDs are checked again (shape of a PingOne ID) before any
// path is built from them, because a platform may not validate input against these schemas.
import * as z from 'zod';

import { Address, PersonName } from './models.js';

export const UserIdInput = z.object({ id: z.string().describe('The PingOne user ID.') });

const text = z.string().optional();

/** The user attributes an action may set (PingOne's names; `populationId` and `password` are separate). */
export const UserAttributes = z.object({
    email: text,
    name: PersonName.optional(),
    nickname: text,
    title: text,
    type: text,
    locale: text,
    preferredLanguage: text,
    timezone: text,
    mobilePhone: text,
    primaryPhone: text,
    address: Address.optional(),
    externalId: text,
    accountId: text,
});

export const Removed = z.object({ id: z.string(), removed: z.literal(true) });
export const Deleted = z.object({ id: z.string(), deleted: z.literal(true) });
export const PasswordOutcome = z.object({ id: z.string(), passwordStatus: z.string().optional() });
