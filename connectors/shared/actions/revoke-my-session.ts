import { deleteMineAction } from '../delete-mine.js';

// https://developer.pingidentity.com/pingone-api/platform/users/user-sessions/delete-session.html (204), self-service with p1:delete:sessions.
export const revokeMySession = deleteMineAction({
    name: 'revoke-my-session',
    description: "Ends one of the signed-on user's own sessions (from list-my-sessions): they are signed out of every application that used it.",
    scope: 'p1:delete:sessions',
    segment: 'sessions',
    field: 'sessionId',
    from: 'list-my-sessions',
    doing: 'end your session',
});
