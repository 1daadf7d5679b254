// One emulator, one harness on a temporary database, and a connection per integration: `cc`
// (pingone-cc, the seeded Worker app), `web` (pingone admin sign-on: the seeded Worker app for
// sign-on, tokens from a real authorization-code exchange with the emulator's auto sign-on) and
// `self` (pingone self-service: the seeded OIDC Web App). Everything goes over loopback HTTP.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { openHarness, type Harness, type HarnessOptions, type RunReport } from '../../src/harness/index.js';
import type { EmulatorOptions, RoleName } from '../../src/emulator/index.js';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { CONNECTION_KINDS } from '../../connectors/shared/pingone.generated.js';

/** The scopes each way of connecting `pingone` asks for (providers.extensions.yaml `connection_kinds`). */
const ADMIN_SCOPES = CONNECTION_KINDS.admin.scopes.join(' ');
const SELF_SERVICE_SCOPES = CONNECTION_KINDS['self-service'].scopes.join(' ');

export const INTEGRATION_CONNECTIONS = [
    { integration: 'pingone-cc', connection: 'cc' },
    { integration: 'pingone', connection: 'web' },
] as const;

export interface ScriptsWorld {
    emulator: TestEmulator;
    harness: Harness;
    /** Every log line the scripts wrote, as the harness passed it on. */
    logs: string[];
    close(): Promise<void>;
}

/** An authorization-code + PKCE exchange as `app`, straight against the emulator (auto sign-on is on); throws when refused. */
export async function signOnTokens(
    emulator: TestEmulator,
    app: { clientId: string; clientSecret: string; redirectUris: string[] },
    scope: string,
): Promise<{ accessToken: string; refreshToken: string; expiresAt: string }> {
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const redirectUri = app.redirectUris[0] as string;
    const authorize = new URL(`${emulator.url}/${emulator.environmentId}/as/authorize`);
    authorize.search = new URLSearchParams({
        response_type: 'code',
        client_id: app.clientId,
        redirect_uri: redirectUri,
        scope,
        state: 'test-state',
        code_challenge: challenge,
        code_challenge_method: 'S256',
    }).toString();
    const redirect = await fetch(authorize, { redirect: 'manual' });
    const code = new URL(redirect.headers.get('location') ?? '').searchParams.get('code');
    if (!code) throw new Error(`The emulator's authorize endpoint gave no code (status ${redirect.status}).`);
    const token = await fetch(`${emulator.url}/${emulator.environmentId}/as/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
            grant_type: 'authorization_code',
            code,
            redirect_uri: redirectUri,
            code_verifier: verifier,
            client_id: app.clientId,
            client_secret: app.clientSecret,
        }),
    });
    const body = (await token.json()) as { access_token?: string; refresh_token?: string; expires_in?: number };
    if (!body.access_token || !body.refresh_token) throw new Error(`The emulator's token endpoint refused the code exchange (status ${token.status}).`);
    return {
        accessToken: body.access_token,
        refreshToken: body.refresh_token,
        expiresAt: new Date(Date.now() + (body.expires_in ?? 3600) * 1000).toISOString(),
    };
}

/** A `pingone` connection `name` whose tokens come from signing on (the emulator's auto sign-on) through `app`, asking for `scope`. */
export async function connectSignedOn(
    harness: Harness,
    emulator: TestEmulator,
    name: string,
    app: { clientId: string; clientSecret: string; redirectUris: string[] },
    scope: string,
): Promise<void> {
    const tokens = await signOnTokens(emulator, app, scope);
    await harness.connections.create({
        name,
        provider: 'pingone',
        config: { environmentId: emulator.environmentId, tld: emulator.tld },
        secrets: {
            clientId: app.clientId,
            clientSecret: app.clientSecret,
            accessToken: tokens.accessToken,
            accessTokenExpiresAt: tokens.expiresAt,
            refreshToken: tokens.refreshToken,
        },
        authMethod: 'client_secret_post',
        emulatorUrl: emulator.url,
    });
}

export async function openScriptsWorld(options: EmulatorOptions = {}, harnessOptions: Pick<HarnessOptions, 'onProgress'> = {}): Promise<ScriptsWorld> {
    const emulator = await startTestEmulator({ autoSignOn: true, ...options });
    const dir = mkdtempSync(join(tmpdir(), 'pingone-scripts-'));
    const logs: string[] = [];
    const harness = openHarness({ dbPath: join(dir, 'pingone.db'), env: {}, onLog: (line) => logs.push(JSON.stringify(line)), ...harnessOptions });
    const config = { environmentId: emulator.environmentId, tld: emulator.tld };
    await harness.connections.create({
        name: 'cc',
        provider: 'pingone-cc',
        config,
        secrets: { clientId: emulator.worker.clientId, clientSecret: emulator.worker.clientSecret },
        authMethod: 'client_secret_post',
        emulatorUrl: emulator.url,
    });
    // `web`: admin sign-on (a Worker app, authorization code); `self`: self-service (the OIDC Web App).
    await connectSignedOn(harness, emulator, 'web', emulator.adminSignOn, ADMIN_SCOPES);
    await connectSignedOn(harness, emulator, 'self', emulator.web, SELF_SERVICE_SCOPES);
    return {
        emulator,
        harness,
        logs,
        async close() {
            await harness.close();
            await emulator.close();
            rmSync(dir, { recursive: true, force: true });
        },
    };
}

/** The records of a model for a connection that are not deleted (all pages), without Nango's metadata. */
export function liveRecords<T = Record<string, unknown>>(harness: Harness, connection: string, model: string): T[] {
    const out: T[] = [];
    let cursor: string | undefined;
    do {
        const page = harness.records(connection, model, { limit: 500, cursor });
        for (const { _nango_metadata: metadata, ...record } of page.records) {
            if (metadata.deleted_at === null) out.push(record as T);
        }
        cursor = page.next_cursor ?? undefined;
    } while (cursor);
    return out;
}

/** A run that failed says why in the assertion message. */
export function expectSuccess(report: RunReport): RunReport {
    if (report.status !== 'success') throw new Error(`${report.script} failed: ${JSON.stringify(report.error)}`);
    return report;
}

/**
 * A pingone-cc connection whose PingOne is a loopback server (for what the emulator cannot be made
 * to do). The server answers the token request itself; see `answeredToken`.
 */
export async function connectLoopback(harness: Harness, name: string, origin: string, environmentId: string): Promise<void> {
    await harness.connections.create({
        name,
        provider: 'pingone-cc',
        config: { environmentId, tld: 'com' },
        secrets: { clientId: 'loopback-client', clientSecret: 'loopback-secret' },
        authMethod: 'client_secret_post',
        emulatorUrl: origin,
    });
}

/** Answers a loopback server's token request with a bearer token; true if the request was one. */
export function answeredToken(url: string, response: { end(body: string): unknown }): boolean {
    if (!url.includes('/as/token')) return false;
    response.end(JSON.stringify({ access_token: 'loopback-token', token_type: 'Bearer', expires_in: 3600 }));
    return true;
}

/** The pages of 200 a full users scan reads: it reads each population with a cursor of its own. */
export function usersScanPages(harness: Harness, connection: string): number {
    const perPopulation = new Map<unknown, number>();
    for (const user of liveRecords<{ populationId?: string }>(harness, connection, 'User')) {
        perPopulation.set(user.populationId, (perPopulation.get(user.populationId) ?? 0) + 1);
    }
    return [...perPopulation.values()].reduce((sum, count) => sum + Math.ceil(count / 200), 0);
}

/** A management API call in the world's environment with the seeded Worker app's token: the tests' own way in, independent of the scripts. */
export async function workerApi(
    world: ScriptsWorld,
    method: string,
    path: string,
    body?: unknown,
    contentType = 'application/json',
): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${world.emulator.url}/v1/environments/${world.emulator.environmentId}${path}`, {
        method,
        headers: { authorization: `Bearer ${await world.emulator.workerToken()}`, ...(body === undefined ? {} : { 'content-type': contentType }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** A pingone-cc connection named `name` for a Worker app the test made (its own roles), in the world's environment unless told. */
export async function connectWorker(world: ScriptsWorld, name: string, app: { clientId: string; clientSecret: string }, environmentId?: string): Promise<void> {
    await world.harness.connections.create({
        name,
        provider: 'pingone-cc',
        config: { environmentId: environmentId ?? world.emulator.environmentId, tld: world.emulator.tld },
        secrets: { clientId: app.clientId, clientSecret: app.clientSecret },
        authMethod: 'client_secret_post',
        emulatorUrl: world.emulator.url,
    });
}

/** A pingone-cc connection `name` through a new Worker app of the emulator holding `roles`. */
export async function connectWorkerWithRoles(world: ScriptsWorld, name: string, roles: RoleName[]): Promise<void> {
    await connectWorker(world, name, world.emulator.admin.createApplication({ name, type: 'WORKER', roles }));
}

/** A run that should have failed: its ActionError's payload (or, for an input the schema refuses, the error itself). */
export function failurePayload(report: RunReport): Record<string, unknown> {
    if (report.status !== 'failed') throw new Error(`${report.script} was expected to fail, but ended ${report.status}.`);
    const error = report.error as Record<string, unknown> & { payload?: Record<string, unknown> };
    return error.payload ?? error;
}

/** Runs the action on `cc` with every API answer cut after the emulator acted (the token is fetched first, the stats reset). */
export async function runCutAfterAct(world: ScriptsWorld, action: string, input: unknown): Promise<RunReport> {
    expectSuccess(await world.harness.runAction('cc', 'list-roles', {}));
    world.emulator.admin.resetStats();
    world.emulator.admin.setFaults({ cutAfterActRate: 1, scope: 'api' });
    const report = await world.harness.runAction('cc', action, input);
    world.emulator.admin.setFaults({});
    return report;
}
