import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionDiagnosis } from '../../src/connections/diagnose.js';
import { openStore } from '../../src/store/index.js';
import { runCli, type CliResult } from '../support/cli.js';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { fixtureScripts, harnessOnEmulator, liveRecords, temporaryDatabase } from '../support/harness.js';
import { startNangoStandIn, type NangoStandIn } from '../support/nango-stand-in.js';

// Every output of every CLI run in this file is kept, and the last test scans it all for the
// secrets and tokens the runs handled: none may appear.
const captured: string[] = [];
/** Secrets of applications made for one test, added to the final scan. */
const madeSecrets: string[] = [];
const bin = fileURLToPath(new URL('../../bin/pingone-connector.js', import.meta.url));

let emulator: TestEmulator;
let nango: NangoStandIn;
const db = temporaryDatabase();
const dir = path.dirname(db);

function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    return { PATH: process.env['PATH'], PINGONE_CONNECTOR_SCRIPTS: fixtureScripts, ...extra };
}

async function cli(argv: string[], options: Parameters<typeof runCli>[1] = {}): Promise<CliResult> {
    const result = await runCli(argv, { env: env(), cwd: dir, ...options });
    captured.push(result.stdout, result.stderr);
    return result;
}

function ccFlags(name: string): string[] {
    return [
        'connect',
        name,
        '--provider',
        'pingone-cc',
        '--environment-id',
        emulator.environmentId,
        '--client-id',
        emulator.worker.clientId,
        '--emulator',
        emulator.url,
        '--db',
        db,
    ];
}

beforeAll(async () => {
    emulator = await startTestEmulator();
    nango = await startNangoStandIn([
        {
            connection_id: 'nango-cc',
            provider_config_key: 'pingone-cc',
            provider: 'pingone-cc',
            connection_config: { environmentId: emulator.environmentId, tld: emulator.tld },
            credentials: {
                type: 'OAUTH2_CC',
                token: 'nango-held-token',
                client_id: emulator.worker.clientId,
                client_secret: emulator.worker.clientSecret,
                raw: {},
            },
        },
    ]);
});
afterAll(async () => {
    await nango.close();
    await emulator.close();
});

/** `connect <name>` for the emulator's Web app (pingone, authorization code); its secret comes from PINGONE_CLIENT_SECRET. */
function signOnConnectArgs(name: string, database: string, clientId = emulator.adminSignOn.clientId): string[] {
    return [
        'connect',
        name,
        '--provider',
        'pingone',
        '--environment-id',
        emulator.environmentId,
        '--client-id',
        clientId,
        '--emulator',
        emulator.url,
        '--db',
        database,
    ];
}

/** Runs `connect` for a pingone app, signing on through the emulator's page once the CLI prints the URL. */
async function connectBySignOn(args: string[], clientSecret: string): Promise<CliResult> {
    let driven: Promise<void> | undefined;
    const result = await cli(args, {
        env: env({ PINGONE_CLIENT_SECRET: clientSecret }),
        onStderr: (text) => {
            const url = /^\s+(http:\/\/127\.0\.0\.1:\d+\/\S+\/as\/authorize\?\S+)$/m.exec(text)?.[1];
            if (url !== undefined && driven === undefined) driven = signOnThroughPage(new URL(url));
        },
    });
    await driven;
    return result;
}

/** The token auth method saved with a connection. */
function savedAuthMethod(name: string): string | undefined {
    const store = openStore({ path: db });
    try {
        return store.connections.get(name)?.authMethod;
    } finally {
        store.close();
    }
}

describe('connect', () => {
    it('refuses a config the connector rejects, with exit 2, before anything is sent', async () => {
        const before = emulator.admin.stats().requests;
        const result = await cli([...ccFlags('bad'), '--tld', 'evil.example'], { env: env({ PINGONE_CLIENT_SECRET: emulator.worker.clientSecret }) });
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/tld/);
        expect(emulator.admin.stats().requests).toBe(before);
    });

    it('explains a wrong secret in plain words, exits 1 and saves nothing', async () => {
        const result = await cli(ccFlags('wrong'), { env: env({ PINGONE_CLIENT_SECRET: 'not-the-secret-at-all' }) });
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/Not saved/);
        const list = await cli(['connections', 'list', '--json', '--db', db]);
        expect(JSON.parse(list.stdout)).toEqual([]);
    });

    it('creates a client-credentials connection from flags and PINGONE_CLIENT_SECRET, tested before it is saved', async () => {
        const result = await cli(ccFlags('cc'), { env: env({ PINGONE_CLIENT_SECRET: emulator.worker.clientSecret }) });
        expect(result.stderr).toBe('Token endpoint authentication: Client Secret Post (client_secret_post), saved with the connection.\n');
        expect(result.code).toBe(0);
        expect(result.stdout).toContain('Saved the connection "cc"');
    });

    it('connections metadata: prints it, replaces it once checked, and refuses an unknown key or a bad value, saving nothing', async () => {
        expect(JSON.parse((await cli(['connections', 'metadata', 'cc', '--json', '--db', db])).stdout)).toEqual({});
        const populationId = '5b1f1a48-9c55-4f53-9cb5-0d5e7c0f6a11';
        const set = await cli([
            'connections',
            'metadata',
            'cc',
            '--set',
            JSON.stringify({ populationIds: [populationId], maxRequestsPerSecond: 20 }),
            '--db',
            db,
        ]);
        expect(set.code).toBe(0);
        expect(JSON.parse(set.stdout)).toEqual({ populationIds: [populationId], maxRequestsPerSecond: 20 });
        const misspelt = await cli(['connections', 'metadata', 'cc', '--set', '{"maxRequestPerSecond": 5}', '--db', db]);
        expect(misspelt.code).toBe(2);
        expect(misspelt.stderr).toContain('unknown key "maxRequestPerSecond"');
        const badId = await cli(['connections', 'metadata', 'cc', '--set', '{"populationIds": ["Employees"]}', '--db', db]);
        expect(badId.code).toBe(2);
        expect(badId.stderr).toContain('input.populationIds[0]');
        // Neither refusal touched what was saved.
        expect(JSON.parse((await cli(['connections', 'metadata', 'cc', '--json', '--db', db])).stdout)).toEqual({
            populationIds: [populationId],
            maxRequestsPerSecond: 20,
        });
        expect((await cli(['connections', 'metadata', 'cc', '--set', '{}', '--db', db])).code).toBe(0);
    });

    it('tries Client Secret Post, then Basic on invalid_client, saves the one PingOne accepted and says which', async () => {
        const basicApp = emulator.admin.createApplication({ tokenEndpointAuthMethod: 'CLIENT_SECRET_BASIC', roles: ['Identity Data Read Only'] });
        madeSecrets.push(basicApp.clientSecret);
        const flags = [
            'connect',
            'basic-app',
            '--environment-id',
            emulator.environmentId,
            '--client-id',
            basicApp.clientId,
            '--emulator',
            emulator.url,
            '--db',
            db,
        ];
        const result = await cli(flags, { env: env({ PINGONE_CLIENT_SECRET: basicApp.clientSecret }) });
        expect(result.code).toBe(0);
        expect(result.stderr).toContain('Token endpoint authentication: Client Secret Basic (client_secret_basic), saved with the connection.');
        expect(savedAuthMethod('basic-app')).toBe('client_secret_basic');
        // Saved, it is used as saved: the connection works without trying Post again.
        expect((await cli(['connections', 'test', 'basic-app', '--db', db])).code).toBe(0);
        expect((await cli(['connections', 'remove', 'basic-app', '--db', db])).code).toBe(0);
    });

    it('says both methods were refused alike when the secret is wrong, and saves nothing', async () => {
        const result = await cli(ccFlags('wrong-secret'), { env: env({ PINGONE_CLIENT_SECRET: 'not-the-secret' }) });
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/Not saved: PingOne refused the client's authentication with Client Secret Post and Client Secret Basic alike/);
    });

    it('uses a chosen --auth-method alone, without trying the other', async () => {
        const result = await cli([...ccFlags('chosen'), '--auth-method', 'basic'], { env: env({ PINGONE_CLIENT_SECRET: emulator.worker.clientSecret }) });
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/Not saved: PingOne refused the client's authentication \(invalid_client, HTTP 401\) sent with Client Secret Basic/);
    });

    it("runs the integration's validate-connection script, and removes a connection it refuses", async () => {
        const result = await cli(ccFlags('refused-one'), { env: env({ PINGONE_CLIENT_SECRET: emulator.worker.clientSecret }) });
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/validate-connection script refused it: This fixture refuses/);
        const list = await cli(['connections', 'list', '--json', '--db', db]);
        expect((JSON.parse(list.stdout) as { name: string }[]).map((c) => c.name)).not.toContain('refused-one');
    });

    it('takes the Authorization URL shortcut and a .env file instead of flags', async () => {
        writeFileSync(path.join(dir, '.env'), `PINGONE_CLIENT_ID=${emulator.worker.clientId}\nPINGONE_CLIENT_SECRET=${emulator.worker.clientSecret}\n`);
        const authorizationUrl = `https://auth.pingone.${emulator.tld}/${emulator.environmentId}/as/authorize`;
        const result = await cli(['connect', 'shortcut', '--authorization-url', authorizationUrl, '--emulator', emulator.url, '--db', db, '--json']);
        expect(result.code).toBe(0);
        expect(JSON.parse(result.stdout)).toMatchObject({
            saved: true,
            connection: { name: 'shortcut', config: { environmentId: emulator.environmentId, tld: emulator.tld } },
        });
    });

    it('copies a connection from a Nango server with --from-nango (a loopback stand-in of its API)', async () => {
        const result = await cli(['connect', 'imported', '--from-nango', 'nango-cc', '--emulator', emulator.url, '--db', db], {
            env: env({ NANGO_HOSTPORT: nango.url, NANGO_SECRET_KEY: nango.secretKey }),
        });
        // Nango sends the secret in the body (its pingone-cc entry sets no token_request_auth_method): Post is tried first.
        expect(result.stderr).toBe('Token endpoint authentication: Client Secret Post (client_secret_post), saved with the connection.\n');
        expect(result.code).toBe(0);
        expect(nango.requests.every((request) => request.authorized)).toBe(true);
        const sync = await cli(['sync', 'fixture-users', '--connection', 'imported', '--db', db, '--json']);
        expect(JSON.parse(sync.stdout)).toMatchObject({ status: 'success', counts: { added: emulator.admin.users.count() } });
    });

    it('says what is wrong when the Nango key is refused', async () => {
        const result = await cli(['connect', 'refused', '--from-nango', 'nango-cc', '--db', db], {
            env: env({ NANGO_HOSTPORT: nango.url, NANGO_SECRET_KEY: 'wrong-key' }),
        });
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/answered 401[\s\S]*NANGO_SECRET_KEY/);
    });

    it('runs the authorization-code flow (pingone) to completion through the sign-on page, then syncs with it', async () => {
        const result = await connectBySignOn(signOnConnectArgs('web', db), emulator.adminSignOn.clientSecret);
        expect(result.code).toBe(0);
        expect(result.stdout).toContain('Saved the connection "web"');
        const sync = await cli(['sync', 'fixture-users', '--connection', 'web', '--db', db, '--json']);
        expect(JSON.parse(sync.stdout)).toMatchObject({ status: 'success' });
        // The signed-on admin's token cannot read its own role assignments: the write roles the package's actions need go unchecked, and it says so.
        const tested = await cli(['connections', 'test', 'web', '--db', db], { env: { PATH: process.env['PATH'] } });
        expect(tested.code).toBe(0);
        expect(tested.stdout).toMatch(/^web: Connected to .*\n  note: Could not check, without changing data, whether the application may .*write users/);
    });

    it('exchanges the sign-on code with Client Secret Basic after PingOne refused Post, and saves Basic', async () => {
        // Admin sign-on: a Worker app with the Authorization Code grant.
        const basicWeb = emulator.admin.createApplication({
            type: 'WORKER',
            grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN'],
            redirectUris: ['http://127.0.0.1/callback'],
            tokenEndpointAuthMethod: 'CLIENT_SECRET_BASIC',
        });
        madeSecrets.push(basicWeb.clientSecret);
        const result = await connectBySignOn(signOnConnectArgs('basic-web', db, basicWeb.clientId), basicWeb.clientSecret);
        expect(result.code).toBe(0);
        expect(result.stderr).toContain('Token endpoint authentication: Client Secret Basic (client_secret_basic), saved with the connection.');
        expect(savedAuthMethod('basic-web')).toBe('client_secret_basic');
        expect((await cli(['connections', 'remove', 'basic-web', '--db', db])).code).toBe(0);
    });
});

describe('connections, request, sync, action, records', () => {
    it('lists connections without their secrets and tests one', async () => {
        const list = await cli(['connections', 'list', '--db', db]);
        expect(list.code).toBe(0);
        expect(list.stdout).toMatch(/cc\s+pingone-cc/);
        const tested = await cli(['connections', 'test', 'cc', '--db', db]);
        expect(tested.code).toBe(0);
        expect(tested.stdout).toMatch(/^cc: /);
    });

    it("says at which rate its runs start when an earlier run found one from PingOne's 429s, and how to give the licence's instead", async () => {
        const store = openStore({ path: db });
        try {
            store.foundRates.save('cc', { requestsPerSecond: 9.52, limitAt: 10 });
        } finally {
            store.close();
        }
        const tested = await cli(['connections', 'test', 'cc', '--db', db]);
        expect(tested.code).toBe(0);
        expect(tested.stdout).toMatch(
            /\n {2}note: its runs start at 9\.5\/s, the rate found from PingOne's 429s on .* \(the last 429 came at 10\/s\); give your licence's rate in the metadata \(maxRequestsPerSecond\)/,
        );
        const after = openStore({ path: db });
        try {
            after.foundRates.save('cc', undefined);
        } finally {
            after.close();
        }
    });

    it("says which role is missing for which of the package's syncs and actions, with exit 1", async () => {
        const readOnly = emulator.admin.createApplication({ tokenEndpointAuthMethod: 'CLIENT_SECRET_BASIC', roles: ['Identity Data Read Only'] });
        madeSecrets.push(readOnly.clientSecret);
        // The package's own scripts (no PINGONE_CONNECTOR_SCRIPTS): they declare the roles they need.
        const own = { env: { PATH: process.env['PATH'], PINGONE_CLIENT_SECRET: readOnly.clientSecret } };
        const flags = [
            '--environment-id',
            emulator.environmentId,
            '--client-id',
            readOnly.clientId,
            '--auth-method',
            'basic',
            '--emulator',
            emulator.url,
            '--db',
            db,
        ];
        expect((await cli(['connect', 'read-only', ...flags, '--no-test'], own)).code).toBe(0);
        const tested = await cli(['connections', 'test', 'read-only', '--db', db], own);
        expect(tested.code).toBe(1);
        expect(tested.stderr).toMatch(/may not read applications/);
        expect(tested.stderr).toMatch(
            /missing: Client Application Developer .*at environment scope, to read applications; needed by sync applications and actions get-application-access, set-application-access, check-application-access\n/,
        );
        expect(tested.stderr).toMatch(/missing: Configuration Read Only .*; needed by syncs sign-on-policies, identity-providers, custom-roles\n/);
        expect(tested.stderr).toMatch(/missing: Identity Data Admin .*; needed by actions create-user, /);
        expect(tested.stderr).not.toMatch(/to read users/);
        const json = JSON.parse((await cli(['connections', 'test', 'read-only', '--db', db, '--json'], own)).stdout) as ConnectionDiagnosis;
        expect(json).toMatchObject({ ok: false, reason: 'missing_role' });
        expect(json.missingRoles?.find((role) => role.key === 'list-environments')).toMatchObject({ scope: 'organization', neededBy: ['sync environments'] });
        expect((await cli(['connections', 'remove', 'read-only', '--db', db])).code).toBe(0);
    });

    it('makes one authenticated call with request', async () => {
        const result = await cli(['request', 'GET', `/v1/environments/${emulator.environmentId}`, '--connection', 'cc', '--db', db]);
        expect(result.code).toBe(0);
        expect(JSON.parse(result.stdout)).toMatchObject({ id: emulator.environmentId });
        const json = await cli(['request', 'GET', `/v1/environments/${emulator.environmentId}/groups?limit=1`, '--connection', 'cc', '--db', db, '--json']);
        expect(JSON.parse(json.stdout)).toMatchObject({ status: 200, headers: expect.any(Object), data: { _embedded: { groups: expect.any(Array) } } });
    });

    it('explains an API error answer of request on stderr with exit 1; with --json it is still the one document on stdout', async () => {
        const result = await cli(['request', 'GET', `/v1/environments/${emulator.environmentId}/nothing-here`, '--connection', 'cc', '--db', db]);
        expect(result.code).toBe(1);
        expect(result.stdout).toBe('');
        expect(result.stderr).toMatch(/answered 404/);
        const json = await cli(['request', 'GET', `/v1/environments/${emulator.environmentId}/nothing-here`, '--connection', 'cc', '--db', db, '--json']);
        expect(json.code).toBe(1);
        expect(JSON.parse(json.stdout)).toMatchObject({ status: 404, data: { code: 'NOT_FOUND' } });
        expect(json.stderr).toMatch(/answered 404/);
    });

    it('syncs with --json: one JSON document with counts, requests, retries, duration and the time spent in the store', async () => {
        const result = await cli(['sync', 'fixture-users', '--connection', 'cc', '--db', db, '--json']);
        expect(result.code).toBe(0);
        const report = JSON.parse(result.stdout) as Record<string, unknown>;
        expect(report).toMatchObject({ status: 'success', counts: { added: emulator.admin.users.count(), updated: 0, deleted: 0 }, retries: 0 });
        expect(report['requests']).toBeGreaterThan(0);
        expect(report['durationMs']).toEqual(expect.any(Number));
        expect(report['storeMs']).toEqual(expect.any(Number));
        expect(report['storeMs']).toBeLessThanOrEqual(report['durationMs'] as number);
    });

    it('lists records with --limit', async () => {
        const result = await cli(['records', 'FixtureUser', '--connection', 'cc', '--limit', '5', '--db', db, '--json']);
        expect(result.code).toBe(0);
        const page = JSON.parse(result.stdout) as { records: { _nango_metadata: { last_action: string } }[]; next_cursor: string };
        expect(page.records).toHaveLength(5);
        expect(page.records[0]?._nango_metadata.last_action).toBe('ADDED');
        expect(page.next_cursor).toEqual(expect.any(String));
    });

    it('runs an action with --input JSON and @file, and exits 2 for input its schema or the action refuses', async () => {
        const ok = await cli(['action', 'fixture-create-group', '--connection', 'cc', '--input', '{"name":"CLI group"}', '--db', db, '--json']);
        expect(ok.code).toBe(0);
        expect(JSON.parse(ok.stdout)).toMatchObject({ status: 'success', output: { name: 'CLI group' } });
        writeFileSync(path.join(dir, 'input.json'), '{"name":"File group"}');
        const fromFile = await cli(['action', 'fixture-create-group', '--connection', 'cc', '--input', '@input.json', '--db', db]);
        expect(fromFile.code).toBe(0);
        const bad = await cli(['action', 'fixture-create-group', '--connection', 'cc', '--input', '{"name":""}', '--db', db]);
        expect(bad.code).toBe(2);
        expect(bad.stderr).toMatch(/input.*name/);
        const notJson = await cli(['action', 'fixture-create-group', '--connection', 'cc', '--input', '{name', '--db', db]);
        expect(notJson.code).toBe(2);
        // The package's own get-user refuses an ID that is not a PingOne ID (ActionError `invalid_input`) before sending anything.
        const notAnId = await cli(['action', 'get-user', '--connection', 'cc', '--input', '{"id":"../groups"}', '--db', db], {
            env: { PATH: process.env['PATH'] },
        });
        expect(notAnId.code).toBe(2);
        expect(notAnId.stderr).toMatch(/Input field "id" must be a PingOne ID/);
    });

    it('exits 2 for an unknown connection or sync, and for missing flags', async () => {
        expect((await cli(['sync', 'fixture-users', '--connection', 'nobody', '--db', db])).code).toBe(2);
        expect((await cli(['sync', 'no-such-sync', '--connection', 'cc', '--db', db])).code).toBe(2);
        expect((await cli(['sync', 'fixture-users', '--db', db])).code).toBe(2);
        expect((await cli(['records', '--connection', 'cc', '--db', db])).code).toBe(2);
        expect((await cli(['records', 'FixtureUser', '--connection', 'nobody', '--db', db])).code).toBe(2);
        expect((await cli(['records', 'FixtureUser', '--connection', 'cc', '--cursor', 'zzz', '--db', db])).code).toBe(2);
        expect((await cli(['request', 'FETCH', '/v1', '--connection', 'cc', '--db', db])).code).toBe(2);
    });

    it('names an unknown flag with the accepted ones, and the models that have records for a model that has none', async () => {
        const flag = await cli(['sync', 'fixture-users', '--connection', 'cc', '--fulll', '--db', db]);
        expect(flag.code).toBe(2);
        expect(flag.stderr).toMatch(/^pingone-connector sync: Unknown flag --fulll; sync takes --db, --json, --connection, --full, --all, --help\.\n  hint: /);
        const misspelt = await cli(['records', 'fixtureuser', '--connection', 'cc', '--db', db]);
        expect(misspelt.code).toBe(0);
        expect(misspelt.stdout).toBe('');
        expect(misspelt.stderr).toMatch(/No records of model "fixtureuser" on connection "cc"\. Models with records: .*FixtureUser/);
    });

    it('encrypts the secrets with PINGONE_CONNECTOR_KEY, and a missing or wrong key is bad input (exit 2)', async () => {
        const encrypted = temporaryDatabase();
        const key = { PINGONE_CONNECTOR_KEY: 'a long enough passphrase', PINGONE_CLIENT_SECRET: emulator.worker.clientSecret };
        expect((await cli([...ccFlags('locked'), '--db', encrypted], { env: env(key) })).code).toBe(0);
        const secretsFile = readdirSync(path.dirname(encrypted)).find((file) => file.endsWith('.secrets.json'));
        expect(readFileSync(path.join(path.dirname(encrypted), secretsFile ?? 'none'), 'utf8')).not.toContain(emulator.worker.clientId);
        const noKey = await cli(['connections', 'list', '--db', encrypted]);
        expect(noKey.code).toBe(2);
        expect(noKey.stderr).toMatch(/encrypted and PINGONE_CONNECTOR_KEY is not set/);
        const wrongKey = await cli(['sync', 'fixture-users', '--connection', 'locked', '--db', encrypted], { env: env({ PINGONE_CONNECTOR_KEY: 'not it' }) });
        expect(wrongKey.code).toBe(2);
        expect(wrongKey.stderr).toMatch(/PINGONE_CONNECTOR_KEY does not decrypt/);
        expect((await cli(['sync', 'fixture-users', '--connection', 'locked', '--db', encrypted], { env: env(key) })).code).toBe(0);
    });

    it('keeps a careless script from printing the token it logs', async () => {
        const store = openStore({ path: db });
        store.metadata.set('cc', { logCredentials: true });
        store.close();
        const result = await cli(['sync', 'fixture-users', '--connection', 'cc', '--db', db]);
        expect(result.code).toBe(0);
        expect(result.stderr).toMatch(/\[warn\] credentials: .*\[redacted\]/);
        const again = openStore({ path: db });
        again.metadata.set('cc', {});
        again.close();
    });

    it('exits 1 when a sync fails, and the failed run deleted nothing', async () => {
        const store = openStore({ path: db });
        store.metadata.set('cc', { failAfterPages: 1 });
        store.close();
        const result = await cli(['sync', 'fixture-users', '--connection', 'cc', '--db', db]);
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/failing on purpose/);
        const again = openStore({ path: db });
        again.metadata.set('cc', {});
        again.close();
    });

    it('shows progress on a terminal, and only the report when not', async () => {
        const terminal = await cli(['sync', 'fixture-users', '--connection', 'cc', '--db', db, '--full'], { isTTY: true });
        expect(terminal.code).toBe(0);
        // eslint-disable-next-line no-control-regex -- the terminal's erase-line escape is what is checked
        expect(terminal.stderr).toMatch(/\r\x1b\[Ksync fixture-users: \d+ pages?, \d+ requests?, \d+ records?, \d+ records\/s/);
        const quiet = await cli(['sync', 'fixture-users', '--connection', 'cc', '--db', db]);
        // stdout carries only the result (nothing, for a sync in text mode); the summary is on stderr.
        expect(quiet.stdout).toBe('');
        expect(quiet.stderr).toMatch(/^sync fixture-users on cc: success; added 0, updated 0, deleted 0; .*, [\d.]+ m?s \([\d.]+ m?s of it in the store\)\n$/m);
        expect([...quiet.stderr].filter((char) => char === '\r' || char === '\u001b')).toEqual([]);
    });

    it('answers --help for every command with exit 0', async () => {
        for (const command of ['demo', 'connect', 'connections', 'request', 'sync', 'action', 'records']) {
            const result = await cli([command, '--help']);
            expect(result.code, command).toBe(0);
            expect(result.stdout, command).toMatch(/^Usage: pingone-connector /);
        }
    });
});

describe('Ctrl-C', () => {
    it('stops connect waiting for the sign-on callback with a message, exit 1 and nothing saved', async () => {
        const stopped = temporaryDatabase();
        const child = spawn(process.execPath, [bin, ...signOnConnectArgs('waiting', stopped)], {
            env: env({ PINGONE_CLIENT_SECRET: emulator.adminSignOn.clientSecret }),
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
        await waitFor(() => output.includes('Waiting for the redirect'), 60_000);
        child.kill('SIGINT');
        const code = await exited;
        captured.push(output);
        expect(code).toBe(1);
        expect(output).toMatch(/pingone-connector connect: Stopped by SIGINT\.\n  hint: Nothing half-done was saved/);
        expect(output).not.toMatch(/\n\s+at /);
        const list = await cli(['connections', 'list', '--json', '--db', stopped]);
        expect(JSON.parse(list.stdout)).toEqual([]);
    }, 90_000);
});

describe('a killed run', () => {
    it('resumes after SIGKILL from its last checkpoint, and ends with exactly the records of a clean run', async () => {
        const killedDb = temporaryDatabase();
        const setup = await harnessOnEmulator(emulator, 'k', killedDb);
        setup.store.metadata.set('k', { pauseMs: 150 });
        await setup.close();

        const child = spawn(process.execPath, [bin, 'sync', 'fixture-users', '--connection', 'k', '--db', killedDb], {
            env: env(),
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
        const watcher = openStore({ path: killedDb });
        try {
            // Kill it once it has committed at least two pages (their checkpoint names the third).
            await waitFor(() => watcher.records.list('k', 'FixtureUser', { limit: 1000 }).records.length >= 20);
            child.kill('SIGKILL');
            expect(await exited).toBe('SIGKILL');
            const committed = watcher.records.list('k', 'FixtureUser', { limit: 1000 }).records.length;
            expect(committed).toBeLessThan(emulator.admin.users.count());
            expect(watcher.checkpoints.get('k', 'fixture-users')).not.toBeNull();
            watcher.metadata.set('k', {});
        } finally {
            watcher.close();
            captured.push(output);
        }

        const resumed = await cli(['sync', 'fixture-users', '--connection', 'k', '--db', killedDb, '--json']);
        expect(resumed.code).toBe(0);
        const report = JSON.parse(resumed.stdout) as { counts: { added: number; updated: number; deleted: number } };
        expect(report.counts.deleted).toBe(0);

        const clean = await harnessOnEmulator(emulator, 'clean');
        try {
            await clean.runSync('clean', 'fixture-users');
            const store = openStore({ path: killedDb });
            const stored = store.records.list('k', 'FixtureUser', { limit: 10_000 }).records;
            store.close();
            expect(stored.every((record) => record._nango_metadata.deleted_at === null)).toBe(true);
            const afterKill = stored
                .map(({ _nango_metadata: _meta, ...record }): Record<string, unknown> => record)
                .sort((a, b) => String(a['id']).localeCompare(String(b['id'])));
            expect(afterKill).toEqual(liveRecords(clean, 'clean', 'FixtureUser'));
        } finally {
            await clean.close();
        }
    });
});

describe('secrets', () => {
    it('never appear in any output of this file’s CLI runs', () => {
        const secretsFile = openStore({ path: db });
        const tokens = ['web', 'cc', 'imported']
            .map((name) => secretsFile.secrets.get(name))
            .flatMap((held) => [held?.accessToken, held?.refreshToken])
            .filter((value): value is string => Boolean(value));
        secretsFile.close();
        const seeded = [
            emulator.worker.clientSecret,
            emulator.web.clientSecret,
            emulator.adminSignOn.clientSecret,
            emulator.signOnUser.password,
            nango.secretKey,
            'not-the-secret-at-all',
            ...madeSecrets,
            ...tokens,
        ];
        expect(tokens.length).toBeGreaterThan(0);
        const everything = captured.join('\n');
        expect(everything.length).toBeGreaterThan(1000);
        for (const secret of seeded) expect(everything.includes(secret), `a seeded secret (${secret.length} chars) appeared`).toBe(false);
        expect(everything).not.toMatch(/eyJ[\w-]{10,}\.[\w-]{10,}/);
        expect(everything).not.toMatch(/Bearer\s+(?!\[redacted\])\S{8,}/);
        expect(readFileSync(db).includes(Buffer.from(emulator.worker.clientSecret))).toBe(false);
    });
});

async function waitFor(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
        if (Date.now() > deadline) throw new Error('waitFor: the condition never held');
        await new Promise((resolve) => setTimeout(resolve, 25));
    }
}

/** What a person does in the browser, as plain HTTP: open the sign-on page, post the form, follow the redirect home. */
async function signOnThroughPage(authorizeUrl: URL): Promise<void> {
    const page = await (await fetch(authorizeUrl)).text();
    const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1];
    if (action === undefined) throw new Error('The sign-on page has no form');
    const form = new URLSearchParams();
    for (const [, name, value] of page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) form.set(decode(name ?? ''), decode(value ?? ''));
    form.set('username', emulator.signOnUser.username);
    form.set('password', emulator.signOnUser.password);
    const posted = await fetch(new URL(decode(action), emulator.url), { method: 'POST', body: form, redirect: 'manual' });
    const location = posted.headers.get('location');
    if (posted.status !== 302 || location === null) throw new Error(`The sign-on answered ${posted.status}`);
    await fetch(location);
}

function decode(html: string): string {
    return html.replace(/&#(\d+);/g, (_match, code: string) => String.fromCharCode(Number(code))).replace(/&amp;/g, '&');
}
