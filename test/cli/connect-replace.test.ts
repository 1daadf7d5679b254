import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { runCli, type CliResult } from '../support/cli.js';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { fixtureScripts, temporaryDatabase } from '../support/harness.js';

// `connect` on a name that already exists: what it keeps, what it puts back, what it clears. The
// fixture on-event scripts refuse names starting "refused-" (validate-connection) and fail the
// setup of names starting "setup-fails-" (post-connection-creation).

let emulator: TestEmulator;
/** The emulator's second environment, and an app there that may read its users. */
let sandbox: { environmentId: string; clientId: string; clientSecret: string };

beforeAll(async () => {
    emulator = await startTestEmulator({ users: 25 });
    const listed = await fetch(`${emulator.url}/v1/environments`, {
        headers: { authorization: `Bearer ${await emulator.workerToken()}`, host: `api.pingone.${emulator.tld}` },
    });
    const environments = ((await listed.json()) as { _embedded: { environments: { id: string }[] } })._embedded.environments;
    const environmentId = environments.map((environment) => environment.id).find((id) => id !== emulator.environmentId)!;
    const app = emulator.admin.createApplication({ environmentId, roles: ['Identity Data Read Only'] });
    sandbox = { environmentId, clientId: app.clientId, clientSecret: app.clientSecret };
});
afterAll(async () => {
    await emulator.close();
});

async function cli(argv: string[], clientSecret?: string): Promise<CliResult> {
    const env = { PATH: process.env['PATH'], PINGONE_CONNECTOR_SCRIPTS: fixtureScripts, ...(clientSecret ? { PINGONE_CLIENT_SECRET: clientSecret } : {}) };
    return runCli(argv, { env, cwd: process.cwd() });
}

function connectArgs(name: string, db: string, where: { environmentId: string; clientId: string }): string[] {
    return ['connect', name, '--environment-id', where.environmentId, '--client-id', where.clientId, '--emulator', emulator.url, '--db', db];
}

function primary() {
    return { environmentId: emulator.environmentId, clientId: emulator.worker.clientId, clientSecret: emulator.worker.clientSecret };
}

/** Everything the store holds about a connection. */
function stateOf(db: string, name: string) {
    const store = openStore({ path: db });
    try {
        return {
            connection: store.connections.get(name),
            secrets: store.secrets.get(name),
            metadata: store.connections.get(name) === undefined ? undefined : store.metadata.get(name),
            records: store.connections.get(name) === undefined ? [] : store.records.list(name, 'FixtureUser', { limit: 1000 }).records,
            checkpoint: store.connections.get(name) === undefined ? null : store.checkpoints.get(name, 'fixture-users'),
        };
    } finally {
        store.close();
    }
}

function setMetadata(db: string, name: string, metadata: Record<string, unknown>): void {
    const store = openStore({ path: db });
    store.metadata.set(name, metadata);
    store.close();
}

/** A sync that fails after its second page (the fixture checkpoints as it asks for the next): records, a checkpoint and open delete tracking stay behind. */
async function syncHalfway(db: string, name: string): Promise<void> {
    setMetadata(db, name, { failAfterPages: 2 });
    expect((await cli(['sync', 'fixture-users', '--connection', name, '--db', db])).code).toBe(1);
    setMetadata(db, name, {});
}

describe('connect on an existing name', () => {
    it('puts the previous connection back untouched (row, secrets, records, checkpoint) when validate-connection refuses its replacement', async () => {
        const db = temporaryDatabase();
        // Saved offline: the fixture refuses refused-* names, so only --no-test gets one in.
        expect((await cli([...connectArgs('refused-prod', db, primary()), '--no-test'], primary().clientSecret)).code).toBe(0);
        await syncHalfway(db, 'refused-prod');
        const before = stateOf(db, 'refused-prod');
        expect(before.records.length).toBeGreaterThan(0);
        expect(before.checkpoint).not.toBeNull();

        const again = await cli(connectArgs('refused-prod', db, sandbox), sandbox.clientSecret);
        expect(stateOf(db, 'refused-prod')).toEqual(before);
        expect(again.code).toBe(1);
        expect(again.stderr).toMatch(/validate-connection script refused it: This fixture refuses .* The connection "refused-prod" stays as it was\./);
    });

    it('clears the records, checkpoints and delete tracking of a connection moved to another environment, and says so; the next sync reads only the new one', async () => {
        const db = temporaryDatabase();
        expect((await cli(connectArgs('moved', db, primary()), primary().clientSecret)).code).toBe(0);
        await syncHalfway(db, 'moved');
        setMetadata(db, 'moved', { auditLookbackMinutes: 5 });

        // The same environment again (a rotated secret, say) keeps everything.
        const before = stateOf(db, 'moved');
        expect(before.checkpoint).not.toBeNull();
        const same = await cli(connectArgs('moved', db, primary()), primary().clientSecret);
        expect(same.code).toBe(0);
        expect(same.stdout).not.toMatch(/another environment/);
        expect(stateOf(db, 'moved')).toMatchObject({ records: before.records, checkpoint: before.checkpoint });

        const moved = await cli(connectArgs('moved', db, sandbox), sandbox.clientSecret);
        expect(moved.code).toBe(0);
        expect(moved.stdout).toMatch(/\nIt replaced one that read another environment: its records, checkpoints and delete tracking were cleared\.\n$/);
        expect(stateOf(db, 'moved')).toMatchObject({ records: [], checkpoint: null, metadata: { auditLookbackMinutes: 5 } });

        const sync = await cli(['sync', 'fixture-users', '--connection', 'moved', '--db', db, '--json']);
        expect(JSON.parse(sync.stdout)).toMatchObject({ status: 'success', counts: { added: emulator.admin.users.count(sandbox.environmentId), deleted: 0 } });
        const ids = stateOf(db, 'moved').records.map((record) => String(record['id']));
        expect(ids.every((id) => emulator.admin.users.get(id, sandbox.environmentId) !== undefined)).toBe(true);
    });

    it('says --json that it cleared, and false when nothing was replaced', async () => {
        const db = temporaryDatabase();
        const first = await cli([...connectArgs('json-moved', db, primary()), '--json'], primary().clientSecret);
        expect(JSON.parse(first.stdout)).toMatchObject({ saved: true, cleared: false });
        const moved = await cli([...connectArgs('json-moved', db, sandbox), '--json'], sandbox.clientSecret);
        expect(JSON.parse(moved.stdout)).toMatchObject({ saved: true, cleared: true });
    });
});

describe('connect reports', () => {
    it('keeps a connection whose post-connection-creation script failed, warns why and exits 3', async () => {
        const db = temporaryDatabase();
        const result = await cli(connectArgs('setup-fails-one', db, primary()), primary().clientSecret);
        expect(result.code).toBe(3);
        expect(result.stdout).toContain('Saved the connection "setup-fails-one"');
        expect(result.stderr).toMatch(/\nWarning: the integration's post-connection-creation script failed: This fixture fails its setup/);
        expect(stateOf(db, 'setup-fails-one').connection).toBeDefined();
        const json = await cli([...connectArgs('setup-fails-one', db, primary()), '--json'], primary().clientSecret);
        expect(json.code).toBe(3);
        expect(JSON.parse(json.stdout)).toMatchObject({ saved: true, warning: { message: expect.stringMatching(/fails its setup/) } });
    });

    it('prints only the diagnosis of a failed test with --json: no token the test fetched', async () => {
        // The token is issued, then reading the environment is refused (no role): the test had a token in hand.
        const noRoles = emulator.admin.createApplication({ roles: [] });
        const db = temporaryDatabase();
        const result = await cli(
            [...connectArgs('no-roles', db, { environmentId: emulator.environmentId, clientId: noRoles.clientId }), '--json'],
            noRoles.clientSecret,
        );
        expect(result.code).toBe(1);
        const printed = JSON.parse(result.stdout) as Record<string, unknown>;
        expect(printed).toMatchObject({ saved: false, ok: false, reason: 'missing_role' });
        expect(Object.keys(printed).sort()).toEqual(['hint', 'message', 'missingRoles', 'ok', 'reason', 'saved']);
        expect(result.stdout).not.toMatch(/accessToken|refreshToken|rotated/);
        expect(result.stdout).not.toContain(noRoles.clientSecret);
    });

    it('creates a pingone-advanced-services connection, its other config fields given with --config', async () => {
        const db = temporaryDatabase();
        const config = ['--config', 'scope=self-service-api', '--config', 'environment=prod', '--config', 'customer=acme', '--config', 'region=us1'];
        // The app its guide describes: an OIDC Web App with Client Credentials and the resource scope.
        const app = emulator.admin.createApplication({ type: 'WEB_APP', grantTypes: ['CLIENT_CREDENTIALS'], scopes: ['self-service-api'] });
        const credentials = { environmentId: emulator.environmentId, clientId: app.clientId, clientSecret: app.clientSecret };
        const result = await cli([...connectArgs('pas', db, credentials), '--provider', 'pingone-advanced-services', ...config, '--json'], app.clientSecret);
        expect(result.stderr).toBe('Token endpoint authentication: Client Secret Post (client_secret_post), saved with the connection.\n');
        expect(JSON.parse(result.stdout)).toMatchObject({
            saved: true,
            connection: { provider: 'pingone-advanced-services', config: { scope: 'self-service-api', environment: 'prod', customer: 'acme', region: 'us1' } },
        });
    });
});
