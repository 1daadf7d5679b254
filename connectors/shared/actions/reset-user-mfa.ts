import { idSegment, readPingOneContext } from '../connection.js';
import { defineAction } from '../define.js';
import { DeletedEach, deleteListed } from '../delete-each.js';
import { userDevicesRequest } from '../device-requests.js';
import { UserIdInput } from '../inputs.js';

export const resetUserMfa = defineAction({
    name: 'reset-user-mfa',
    description:
        'Removes every MFA device of a user, so that they enrol again (a lost phone, offboarding). PingOne documents no single call for this, so each device is deleted in turn; stops at the first failure and says which were removed (code partially_done). MFA stays on or off as it was (set-mfa-enabled).',
    roles: ['identityRead', 'identityWrite'],
    input: UserIdInput,
    output: DeletedEach,
    exec: async (nango, input) => {
        const context = await readPingOneContext(nango);
        const userId = idSegment(nango, input.id, 'id');
        return { userId, ...(await deleteListed(nango, context, userDevicesRequest(context, userId), { what: 'MFA device', roles: 'identityWrite' })) };
    },
});
