import * as z from 'zod';

import { idSegment, readPingOneContext } from '../connection.js';
import { defineAction } from '../define.js';
import { toUserSession } from '../identity-mappers.js';
import { UserIdInput } from '../inputs.js';
import type { Raw } from '../mappers.js';
import { UserSession } from '../models.js';
import { allItems } from '../paging.js';
import { userSessionsRequest } from '../session-requests.js';

export const listUserSessions = defineAction({
    name: 'list-user-sessions',
    description:
        "Lists a user's sign-on sessions, newest first (PingOne keeps the last 10, expired ones included): when, from where, with which browser and device.",
    // PingOne documents these reads for the Identity Data Admin only (https://developer.pingidentity.com/pingone-api/platform/users/user-sessions/read-all-sessions.html).
    roles: ['identityWrite'],
    input: UserIdInput,
    output: z.object({ sessions: z.array(UserSession) }),
    exec: async (nango, input) => {
        const context = await readPingOneContext(nango);
        const id = idSegment(nango, input.id, 'id');
        const sessions = await allItems<Raw>(nango, context, userSessionsRequest(context, id));
        return { sessions: sessions.map((session) => toUserSession(id, session)) };
    },
});
