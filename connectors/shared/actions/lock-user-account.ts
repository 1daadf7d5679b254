import * as z from 'zod';

import { defineAction } from '../define.js';
import { fail } from '../errors.js';
import { IDENTITY_CONTENT_TYPES } from '../identity-content-types.js';
import { IdInput } from '../inputs.js';
import { User } from '../models.js';
import { userOperation } from '../user-state.js';

export const lockUserAccount = defineAction({
    name: 'lock-user-account',
    description:
        "Locks a user's account until a given time (status LOCKED): they cannot sign on, whatever their password. PingOne unlocks it by itself at unlockAt; unlock-user-account ends it sooner.",
    roles: ['identityWrite'],
    input: z.strictObject({
        id: IdInput.describe('The PingOne user ID.'),
        unlockAt: z.iso
            .datetime({ offset: true })
            .describe('When PingOne unlocks the account again: an ISO 8601 date-time in the future.')
            .meta({ examples: ['2030-01-01T00:00:00Z'] }),
    }),
    output: User,
    exec: async (nango, input) => {
        // "If unlockAt is not set or is in the past, the user account is not locked" (the page below): such
        // a request would answer 200 and lock nothing, so it is refused here instead.
        const at = Date.parse(input.unlockAt);
        if (!(at > Date.now())) {
            throw fail(nango, {
                code: 'invalid_input',
                message: 'Input field "unlockAt" must be in the future: PingOne locks nothing for a time already past.',
                field: 'unlockAt',
            });
        }
        // https://developer.pingidentity.com/pingone-api/platform/users/user-accounts/user-account-lock.html
        return userOperation(nango, input.id, {
            contentType: IDENTITY_CONTENT_TYPES.accountLock,
            data: { unlockAt: new Date(at).toISOString() },
            doing: "lock the user's account",
            ifUnsure: "Run get-user and look at the user's accountStatus and unlockAt",
        });
    },
});
