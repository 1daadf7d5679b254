import * as z from 'zod';

import { defineAction } from '../define.js';
import { IdInput, PasswordInput, PasswordOutcome } from '../inputs.js';
import { passwordOperation } from '../password.js';
import { CONTENT_TYPES } from '../pingone.js';

export const setUserPassword = defineAction({
    name: 'set-user-password',
    description:
        "Sets a user's password as an admin (no current password needed); optionally makes them change it at the next sign-on. The password is never logged or returned.",
    roles: ['identityWrite'],
    input: z.strictObject({ id: IdInput, password: PasswordInput, forceChange: z.boolean().optional() }),
    output: PasswordOutcome,
    exec: async (nango, input) =>
        passwordOperation(nango, input.id, {
            method: 'PUT',
            contentType: CONTENT_TYPES.passwordSet,
            data: { value: input.password, forceChange: input.forceChange ?? false },
            doing: "set the user's password",
        }),
});
