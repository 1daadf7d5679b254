// The connection test of a pingone connection knows its kind from the token: a self-service token
// (an OIDC Web App's p1:* scopes) is checked by reading the signed-on user, not the environment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CONNECTION_KINDS } from '../../connectors/shared/pingone.generated.js';
import { getConnector } from '../../connectors/registry.generated.js';
import { testConnection } from '../../src/connections/diagnose.js';
import { codeTokens } from '../emulator/oauth-flow.js';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';

let emulator: TestEmulator;
beforeAll(async () => {
    emulator = await startTestEmulator({ users: 5 });
});
afterAll(() => emulator.close());

async function diagnose(app: TestEmulator['web'], scopes: readonly string[], requiredRoles: string[] = ['read-identity-data']) {
    const token = String((await codeTokens(emulator, undefined, app, scopes.join(' '))).body.access_token);
    return testConnection({
        connector: getConnector('pingone'),
        config: { tld: emulator.tld, environmentId: emulator.environmentId },
        tokens: { getAccessToken: async () => token, invalidate: () => undefined },
        emulatorOrigin: emulator.url,
        requiredRoles,
    });
}

describe('testConnection of pingone connections', () => {
    it('connects a self-service token by reading the signed-on user, and says what it is for', async () => {
        const diagnosis = await diagnose(emulator.web, CONNECTION_KINDS['self-service'].scopes);
        expect(diagnosis).toMatchObject({ ok: true, reason: 'connected' });
        expect(diagnosis.message).toContain(emulator.signOnUser.username);
        expect(diagnosis.message).toContain('self-service');
    });

    it("connects an admin sign-on token by the admin's roles", async () => {
        const diagnosis = await diagnose(emulator.adminSignOn, CONNECTION_KINDS.admin.scopes);
        expect(diagnosis).toMatchObject({ ok: true, reason: 'connected' });
        expect(diagnosis.message).toMatch(/^Connected to /);
    });

    it('refuses an OIDC Web App token without p1 scopes: it holds no role to read the environment', async () => {
        const diagnosis = await diagnose(emulator.web, CONNECTION_KINDS.admin.scopes);
        expect(diagnosis).toMatchObject({ ok: false, reason: 'missing_role' });
    });
});
