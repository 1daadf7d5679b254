// validate-connection, the script Nango runs when a connection is created: it passes for a working
// connection and, when it fails, says what to fix (wrong environment or region, missing role).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runOnEvent } from './on-event.js';
import { INTEGRATION_CONNECTIONS, openScriptsWorld, type ScriptsWorld } from './world.js';

let world: ScriptsWorld;
beforeAll(async () => {
    world = await openScriptsWorld();
});
afterAll(async () => world?.close());

async function workerConnection(
    name: string,
    roles: Parameters<ScriptsWorld['emulator']['admin']['createApplication']>[0],
    environmentId?: string,
): Promise<void> {
    const app = world.emulator.admin.createApplication({ name, type: 'WORKER', ...roles });
    await world.harness.connections.create({
        name,
        provider: 'pingone-cc',
        config: { environmentId: environmentId ?? world.emulator.environmentId, tld: world.emulator.tld },
        secrets: { clientId: app.clientId, clientSecret: app.clientSecret },
        authMethod: 'client_secret_basic',
        emulatorUrl: world.emulator.url,
    });
}

function payloadOf(outcome: Awaited<ReturnType<typeof runOnEvent>>): Record<string, unknown> {
    if (outcome.ok) throw new Error('validate-connection passed, but a failure was expected');
    return (outcome.error as unknown as { payload: Record<string, unknown> }).payload;
}

describe.each(INTEGRATION_CONNECTIONS)('$integration validate-connection', ({ connection }) => {
    it('passes for a connection whose app or admin holds the roles', async () => {
        const outcome = await runOnEvent(world.harness, connection, 'validate-connection');
        expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
    });
});

describe('validate-connection failures', () => {
    it('a Worker app with no role is told which roles to grant', async () => {
        await workerConnection('no-roles', { roles: [] });
        const payload = payloadOf(await runOnEvent(world.harness, 'no-roles', 'validate-connection'));
        expect(payload).toMatchObject({ code: 'missing_role', pingone: { status: 403 } });
        expect(String(payload['message'])).toContain('Identity Data Read Only');
        expect(String(payload['hint'])).toContain('Roles');
    });

    it('a Worker app that can read the environment but not its users is told to grant an identity role', async () => {
        await workerConnection('apps-only', { roles: ['Client Application Developer'] });
        const payload = payloadOf(await runOnEvent(world.harness, 'apps-only', 'validate-connection'));
        expect(payload).toMatchObject({ code: 'missing_role' });
        expect(String(payload['message'])).toContain('Identity Data Read Only or Identity Data Admin or Environment Admin');
    });

    it('an environment ID that does not exist in the region is reported as such, with the other regions to try', async () => {
        await workerConnection('wrong-env', { roles: ['Environment Admin'] }, '11111111-2222-4333-8444-555555555555');
        // The token request already fails (its URL holds the environment), and says why.
        const outcome = await runOnEvent(world.harness, 'wrong-env', 'validate-connection');
        expect(outcome.ok).toBe(false);
        if (outcome.ok) return;
        expect(outcome.error.code).toBe('auth_failed');
        expect(outcome.error.message).toContain('11111111-2222-4333-8444-555555555555');
        expect(outcome.error.hint).toContain('region');
    });
});
