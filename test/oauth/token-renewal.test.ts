import { describe, expect, it } from 'vitest';
import { authorizedRequest, clientCredentialsTokenSource } from '../../src/oauth/index.js';
import { useEmulator } from './fixture.js';

// One clock, moved by the test, for the emulator (token `exp` and its check) and the token source
// (renewal), so the lifetimes pass without the test sleeping through them: each answered request
// moves it on by `stepMs`.
let clockMs = Date.now();
const clock = () => clockMs;
const { emulator, client } = useEmulator({ clock });

const lifetimeSeconds = 4;
const lifetimes = 3;
const callers = 64;
const stepMs = 100;

describe('tokens under load', () => {
    it(`${callers} concurrent callers over ${lifetimes} lifetimes of ${lifetimeSeconds}-second tokens: no 401, one token request per renewal period, none queued behind the API requests`, async () => {
        emulator().admin.setTokenLifetime(lifetimeSeconds);
        const app = emulator().admin.createApplication({ tokenEndpointAuthMethod: 'CLIENT_SECRET_BASIC', roles: ['Environment Admin'] });
        // The dispatcher's defaults (8 at once, 50 requests/s) hold 64 callers in its queue.
        const tokenClient = { ...client(app, 'client_secret_basic'), now: clock };
        const tokens = clientCredentialsTokenSource(tokenClient);
        const url = `https://api.pingone.${emulator().tld}/v1/environments/${emulator().environmentId}`;
        emulator().admin.resetStats();
        const started = clock();
        const deadline = started + lifetimes * lifetimeSeconds * 1000;
        const statuses: number[] = [];
        await Promise.all(
            Array.from({ length: callers }, async () => {
                while (clock() < deadline) {
                    statuses.push((await authorizedRequest(tokens, tokenClient.dispatcher, { url })).status);
                    clockMs += stepMs;
                }
            }),
        );
        const seconds = (clock() - started) / 1000;
        const stats = emulator().admin.stats();

        expect(stats.byStatus['401'] ?? 0).toBe(0);
        expect(statuses.length).toBeGreaterThanOrEqual((lifetimes * lifetimeSeconds * 1000) / stepMs);
        expect(statuses.filter((status) => status !== 200)).toEqual([]);
        expect(stats.tokenRequests).toBe(tokens.stats.tokenRequests);
        // A 4-second token is renewed 2 s ahead (the floor for PingOne's whole-second `exp`),
        // so one serves 2 s; the bound allows one more for the last renewal period begun.
        const renewalPeriod = lifetimeSeconds - 2;
        expect(stats.tokenRequests).toBeGreaterThanOrEqual(lifetimes);
        expect(stats.tokenRequests).toBeLessThanOrEqual(Math.ceil(seconds / renewalPeriod) + 1);
    }, 60_000);
});
