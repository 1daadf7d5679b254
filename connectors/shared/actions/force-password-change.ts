import { defineAction } from '../define.js';
import { PasswordOutcome, UserIdInput } from '../inputs.js';
import { passwordOperation } from '../password.js';
import { CONTENT_TYPES } from '../pingone.js';

export const forcePasswordChange = defineAction({
    name: 'force-password-change',
    description: 'Makes a user choose a new password at their next sign-on (status MUST_CHANGE_PASSWORD).',
    roles: ['identityWrite'],
    input: UserIdInput,
    output: PasswordOutcome,
    exec: async (nango, input) =>
        passwordOperation(nango, input.id, { method: 'POST', contentType: CONTENT_TYPES.passwordForceChange, doing: 'force a password change' }),
});
