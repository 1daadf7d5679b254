// A user's sign-on sessions (https://developer.pingidentity.com/pingone-api/platform/users/user-sessions.html):
// PingOne keeps at most 10 a user, expired ones included, newest first. The emulator has no browser
// sign-ons for its users, so a user whose record shows a sign-on (`lastSignOn`) gets a seeded history
// (0 to 3 sessions, from their ID); users created through the API never signed on and have none. A
// sign-on through the emulator's auth server starts one. A deleted session is gone for good.
import { hash32, randomUuid, seededUuid } from '../random.js';
import type { Json } from './records.js';

const BROWSERS = [
    { browser: { name: 'Chrome', version: '131.0.0' }, operatingSystem: { name: 'Windows', version: '11' }, device: { type: 'Desktop' } },
    { browser: { name: 'Safari', version: '18.1' }, operatingSystem: { name: 'iOS', version: '18.1' }, device: { type: 'Mobile' } },
    { browser: { name: 'Firefox', version: '133.0' }, operatingSystem: { name: 'Linux', version: '' }, device: { type: 'Desktop' } },
];
/** PingOne's retention: "A maximum of 10 sessions per user is retained." */
export const SESSIONS_KEPT = 10;

export class SessionStore {
    private readonly byUser = new Map<string, Json[]>();

    constructor(private readonly environmentId: string) {}

    /** The user's sessions (the user's API body), newest first. */
    of(user: Json): Json[] {
        const userId = String(user.id);
        let sessions = this.byUser.get(userId);
        if (sessions === undefined) {
            sessions = user.lastSignOn === undefined ? [] : this.seed(userId);
            this.byUser.set(userId, sessions);
        }
        return sessions;
    }

    /** A sign-on through the auth server starts a session: the newest, the oldest beyond PingOne's 10 dropped. */
    signedOn(user: Json, at: string): Json {
        const sessions = this.of(user);
        const session: Json = {
            id: randomUuid(),
            environment: { id: this.environmentId },
            user: { id: String(user.id) },
            createdAt: at,
            activeAt: at,
            lastSignOn: { at },
        };
        sessions.unshift(session);
        sessions.splice(SESSIONS_KEPT);
        return session;
    }

    /** Removes one session; false when the user has no such session. */
    delete(user: Json, sessionId: string): boolean {
        const sessions = this.of(user);
        const index = sessions.findIndex((session) => session.id === sessionId);
        if (index < 0) return false;
        sessions.splice(index, 1);
        return true;
    }

    private seed(userId: string): Json[] {
        const count = hash32(userId) % 4;
        const sessions: Json[] = [];
        for (let i = 0; i < count; i++) {
            const at = new Date(Date.UTC(2026, 10, 30 - i, 9, 30)).toISOString();
            const remoteIp = `198.51.100.${(hash32(`${userId}:${i}`) % 250) + 1}`;
            sessions.push({
                id: seededUuid(userId, `session:${i}`),
                environment: { id: this.environmentId },
                user: { id: userId },
                createdAt: at,
                activeAt: at,
                lastSignOn: { at, remoteIp },
                locations: [{ at, remoteIp }],
                ...BROWSERS[i % BROWSERS.length],
            });
        }
        return sessions.slice(0, SESSIONS_KEPT);
    }
}
