import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getConnector } from '../../connectors/registry.generated.js';
import { testConnection, type ConnectionDiagnosis, type TestConnectionInput } from '../../src/connections/diagnose.js';
import { createPingOneDispatcher, type HttpLogEvent } from '../../src/http/index.js';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { startLoopbackServer } from '../support/loopback-server.js';

let emulator: TestEmulator;
const seen: ConnectionDiagnosis[] = [];
const secrets: string[] = [];

beforeAll(async () => {
    emulator = await startTestEmulator();
});
afterAll(async () => {
    await emulator.close();
});

type AppOptions = Parameters<TestEmulator['admin']['createApplication']>[0];

/** A Worker app made for the case, tested through the emulator as a user's connection would be. */
async function diagnoseApp(app: AppOptions, overrides: Partial<TestConnectionInput> = {}): Promise<ConnectionDiagnosis> {
    const created = emulator.admin.createApplication({ tokenEndpointAuthMethod: 'CLIENT_SECRET_BASIC', ...app });
    secrets.push(created.clientSecret);
    const diagnosis = await testConnection({
        connector: getConnector('pingone-cc'),
        config: { tld: emulator.tld, environmentId: emulator.environmentId },
        credentials: created,
        authMethod: 'client_secret_basic',
        emulatorOrigin: emulator.url,
        ...overrides,
    });
    seen.push(diagnosis);
    return diagnosis;
}

describe('testConnection', () => {
    it('connects and names the environment and region', async () => {
        const diagnosis = await diagnoseApp({ roles: ['Identity Data Read Only'] }, { requiredRoles: ['read-identity-data', 'list-roles'] });
        expect(diagnosis).toMatchObject({ ok: true, reason: 'connected', environment: { id: emulator.environmentId, region: 'North America (com)' } });
        expect(diagnosis.message).toMatch(/^Connected to /);
    });

    it('says the client ID or secret is wrong', async () => {
        const diagnosis = await diagnoseApp({}, { credentials: { clientId: emulator.worker.clientId, clientSecret: 'not-the-secret-value' } });
        expect(diagnosis).toMatchObject({ ok: false, reason: 'invalid_client', field: 'clientSecret' });
        expect(diagnosis.message).toMatch(/refused the client's authentication \(invalid_client/);
    });

    it('names a disabled app among the causes of invalid_client (PingOne answers it alike)', async () => {
        const diagnosis = await diagnoseApp({ enabled: false });
        expect(diagnosis).toMatchObject({ ok: false, reason: 'invalid_client' });
        expect(diagnosis.hint).toMatch(/enabled/);
    });

    it('names the other token endpoint authentication method among the causes of invalid_client', async () => {
        const diagnosis = await diagnoseApp({ tokenEndpointAuthMethod: 'CLIENT_SECRET_POST' });
        expect(diagnosis).toMatchObject({ ok: false, reason: 'invalid_client' });
        expect(diagnosis.hint).toContain('--auth-method client_secret_post');
    });

    it('says the environment is not in that region, suggests the others, and sends nothing elsewhere', async () => {
        const events: HttpLogEvent[] = [];
        const connector = getConnector('pingone-cc');
        const config = { tld: emulator.tld, environmentId: randomUUID() };
        const dispatcher = createPingOneDispatcher({
            allowedHosts: connector.allowedHosts(config),
            emulatorOrigin: emulator.url,
            logger: (event) => events.push(event),
        });
        try {
            const diagnosis = await diagnoseApp({}, { config, dispatcher });
            expect(diagnosis).toMatchObject({ ok: false, reason: 'environment_not_found', field: 'environmentId' });
            expect(diagnosis.message).toContain(config.environmentId);
            expect(diagnosis.hint).toContain('European Union (eu)');
            expect(events.length).toBeGreaterThan(0);
            for (const event of events) expect(new URL(event.url).host).toBe(`auth.pingone.${emulator.tld}`);
        } finally {
            await dispatcher.close();
        }
    });

    it('names the missing role for a read the scripts need', async () => {
        const diagnosis = await diagnoseApp({ roles: ['Client Application Developer'] }, { requiredRoles: ['read-identity-data'] });
        expect(diagnosis).toMatchObject({ ok: false, reason: 'missing_role' });
        expect(diagnosis.missingRoles?.map((role) => role.key)).toEqual(['read-identity-data']);
        expect(diagnosis.hint).toContain('Identity Data Read Only');
    });

    it('names the missing role for a write, from the application’s role assignments', async () => {
        const diagnosis = await diagnoseApp({ roles: ['Identity Data Read Only'] }, { requiredRoles: ['write-identity-data'] });
        expect(diagnosis).toMatchObject({ ok: false, reason: 'missing_role' });
        expect(diagnosis.hint).toContain('Identity Data Admin');
        expect(await diagnoseApp({ roles: ['Identity Data Admin'] }, { requiredRoles: ['write-identity-data'] })).toMatchObject({ ok: true });
    });

    it('says when the application has no role in the environment at all', async () => {
        expect(await diagnoseApp({ roles: [] })).toMatchObject({ ok: false, reason: 'missing_role' });
    });

    it('says when PingOne cannot be reached', async () => {
        const closed = await startLoopbackServer(() => {});
        await closed.close();
        const diagnosis = await diagnoseApp({}, { emulatorOrigin: closed.origin });
        expect(diagnosis).toMatchObject({ ok: false, reason: 'unreachable' });
        expect(diagnosis.message).toContain(`auth.pingone.${emulator.tld}`);
    });

    it('refuses a bad config before any request, naming the field', async () => {
        const diagnosis = await diagnoseApp({}, { config: { tld: 'evil.example', environmentId: emulator.environmentId } });
        expect(diagnosis).toMatchObject({ ok: false, reason: 'invalid_config', field: 'tld' });
    });

    it('never puts a secret in any diagnosis', () => {
        expect(seen.length).toBeGreaterThan(5);
        const shown = JSON.stringify(seen);
        for (const secret of secrets) expect(shown).not.toContain(secret);
    });
});
