// The emulator's clock (EmulatorOptions.clock): token lifetimes run on it, so tests move through
// them without sleeping. Access tokens stop working at their `exp` (RFC 6749 §5.1 `expires_in`,
// https://apidocs.pingidentity.com/pingone/platform/v1/api/#post-token-admin-app-client_credentials).
import { describe, expect, it } from 'vitest';
import { emulatorForFile } from './fixture.js';
import { call } from './http.js';

let clockMs = Date.now();
const fixture = emulatorForFile({ clock: () => clockMs, tokenLifetimeSeconds: 60 });

describe('emulator: its clock', () => {
    it('stamps a token from the clock and refuses it once the clock passes its lifetime, not before', async () => {
        const issuedAt = clockMs;
        const environment = `/v1/environments/${fixture.emulator.environmentId}`;
        const claims = JSON.parse(Buffer.from(fixture.token.split('.')[1]!, 'base64url').toString('utf8')) as { iat: number; exp: number };
        expect(claims.iat).toBe(Math.floor(issuedAt / 1000));
        expect(claims.exp - claims.iat).toBe(60);

        clockMs = issuedAt + 59_000;
        expect((await call(fixture.emulator, 'GET', environment, { token: fixture.token })).status).toBe(200);
        clockMs = issuedAt + 61_000;
        expect((await call(fixture.emulator, 'GET', environment, { token: fixture.token })).status).toBe(401);
    });
});
