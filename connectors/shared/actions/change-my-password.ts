import * as z from 'zod';

import { defineAction } from '../define.js';
import { call } from '../http.js';
import { PasswordOutcome } from '../inputs.js';
import { CONTENT_TYPES } from '../pingone.js';
import { signedOnUser } from '../self-service.js';

export const changeMyPassword = defineAction({
    name: 'change-my-password',
    description: "Changes the signed-on user's own password, given the current one. Neither password is logged or returned.",
    roles: [],
    selfService: { scopes: ['p1:reset:userPassword'] },
    input: z.strictObject({ currentPassword: z.string().min(1).max(255), newPassword: z.string().min(1).max(255) }),
    output: PasswordOutcome,
    exec: async (nango, input) => {
        const { userId, userPath } = await signedOnUser(nango);
        const raw = await call<{ status?: unknown }>(nango, {
            method: 'PUT',
            endpoint: `${userPath}/password`,
            data: { currentPassword: input.currentPassword, newPassword: input.newPassword },
            contentType: CONTENT_TYPES.passwordReset,
            // A second send would present a current password that is no longer current.
            idempotent: false,
            ifUnsure: 'Sign on with the new password (or run get-my-password-state to see when the password last changed)',
            doing: 'change your password',
            scope: 'p1:reset:userPassword',
        });
        return { id: userId, ...(typeof raw.status === 'string' ? { passwordStatus: raw.status } : {}) };
    },
});
