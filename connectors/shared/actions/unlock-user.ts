import { defineAction } from '../define.js';
import { PasswordOutcome, UserIdInput } from '../inputs.js';
import { passwordOperation } from '../password.js';
import { CONTENT_TYPES } from '../pingone.js';

export const unlockUser = defineAction({
    name: 'unlock-user',
    description: 'Unlocks a user locked out by too many wrong passwords (status PASSWORD_LOCKED_OUT), so they can sign on again.',
    roles: ['identityWrite'],
    input: UserIdInput,
    output: PasswordOutcome,
    exec: async (nango, input) => passwordOperation(nango, input.id, { method: 'POST', contentType: CONTENT_TYPES.passwordUnlock, doing: 'unlock the user' }),
});
