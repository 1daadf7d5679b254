import { idSegment, readPingOneContext } from '../connection.js';
import { defineAction } from '../define.js';
import { DeletedEach, deleteListed } from '../delete-each.js';
import { UserIdInput } from '../inputs.js';
import { userSessionsRequest } from '../session-requests.js';

export const revokeUserSessions = defineAction({
    name: 'revoke-user-sessions',
    description:
        'Ends every session of a user, for offboarding: lists them, then deletes each (PingOne has no single call for all). Stops at the first failure and says which were ended (code partially_done); running it again finishes the job.',
    roles: ['identityWrite'],
    input: UserIdInput,
    output: DeletedEach,
    exec: async (nango, input) => {
        const context = await readPingOneContext(nango);
        const userId = idSegment(nango, input.id, 'id');
        return { userId, ...(await deleteListed(nango, context, userSessionsRequest(context, userId), { what: 'session', roles: 'identityWrite' })) };
    },
});
