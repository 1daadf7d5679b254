// validate-connection, the script Nango runs when a connection is created: it passes for a working
// connection and, when it fails, says what to fix (wrong environment or region, missing role).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { RunReport } from '../../src/harness/index.js';
import { connectWorker, INTEGRATION_CONNECTIONS, openScriptsWorld, type ScriptsWorld } from './world.js';

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
    await connectWorker(world, name, app, environmentId);
}

/** Runs the integration's validate-connection script, as Nango does when a connection is created. */
async function validate(connection: string): Promise<RunReport> {
    const reports = await world.harness.runOnEvent(connection, 'validate-connection');
    expect(reports.map((report) => report.script)).toEqual(['validate-connection']);
    return reports[0]!;
}

function payloadOf(report: RunReport): Record<string, unknown> {
    if (report.status === 'success') throw new Error('validate-connection passed, but a failure was expected');
    return report.error?.payload as Record<string, unknown>;
}

describe.each(INTEGRATION_CONNECTIONS)('$integration validate-connection', ({ connection }) => {
    it('passes for a connection whose app or admin holds the roles', async () => {
        const report = await validate(connection);
        expect(report.status, JSON.stringify(report.error)).toBe('success');
    });
});

describe('validate-connection failures', () => {
    it('a Worker app with no role is told which roles to grant', async () => {
        await workerConnection('no-roles', { roles: [] });
        const payload = payloadOf(await validate('no-roles'));
        expect(payload).toMatchObject({ code: 'missing_role', pingone: { status: 403 } });
        expect(String(payload['message'])).toContain('Identity Data Read Only');
        expect(String(payload['hint'])).toContain('Roles');
    });

    it('a Worker app that can read the environment but not its users is told to grant an identity role', async () => {
        await workerConnection('apps-only', { roles: ['Client Application Developer'] });
        const payload = payloadOf(await validate('apps-only'));
        expect(payload).toMatchObject({ code: 'missing_role' });
        expect(String(payload['message'])).toContain('Identity Data Read Only or Identity Data Admin or Environment Admin');
    });

    it('an environment ID that does not exist in the region is reported as such, with the other regions to try', async () => {
        await workerConnection('wrong-env', { roles: ['Environment Admin'] }, '11111111-2222-4333-8444-555555555555');
        // The token request already fails (its URL holds the environment), and says why.
        const report = await validate('wrong-env');
        expect(report.status).toBe('failed');
        expect(report.error?.code).toBe('auth_failed');
        expect(report.error?.message).toContain('11111111-2222-4333-8444-555555555555');
        expect(report.error?.hint).toContain('region');
    });
});
