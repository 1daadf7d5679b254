import * as z from 'zod';

import { idSegment, readPingOneContext } from '../connection.js';
import { defineAction } from '../define.js';
import { deleteCall } from '../http.js';
import { Deleted, IdInput } from '../inputs.js';
import { sessionPath } from '../session-requests.js';

export const revokeUserSession = defineAction({
    name: 'revoke-user-session',
    description:
        "Ends one of a user's sessions (from list-user-sessions): the user is signed out of every application that used it. PingOne refuses to delete the caller's own current session.",
    roles: ['identityWrite'],
    input: z.strictObject({ userId: IdInput.describe('The PingOne user ID.'), sessionId: IdInput.describe('From list-user-sessions.') }),
    output: Deleted,
    exec: async (nango, input) => {
        const context = await readPingOneContext(nango);
        const userId = idSegment(nango, input.userId, 'userId');
        const sessionId = idSegment(nango, input.sessionId, 'sessionId');
        // https://developer.pingidentity.com/pingone-api/platform/users/user-sessions/delete-session.html (204)
        const outcome = await deleteCall(nango, {
            method: 'DELETE',
            endpoint: sessionPath(context, userId, sessionId),
            doing: 'delete the session',
            roles: 'identityWrite',
        });
        return { id: sessionId, deleted: true as const, ...outcome };
    },
});
