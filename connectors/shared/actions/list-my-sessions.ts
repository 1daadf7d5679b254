import { toUserSession } from '../identity-mappers.js';
import { listMineAction } from '../list-mine.js';
import { UserSession } from '../models.js';

// Read All Sessions (https://developer.pingidentity.com/pingone-api/platform/users/user-sessions/read-all-sessions.html),
// self-service with p1:read:sessions.
export const listMySessions = listMineAction({
    name: 'list-my-sessions',
    description: "Lists the signed-on user's own sign-on sessions, newest first (PingOne keeps the last 10): when, from where, with which browser and device.",
    scope: 'p1:read:sessions',
    segment: 'sessions',
    doing: 'list your sessions',
    outputKey: 'sessions',
    model: UserSession,
    map: toUserSession,
});
