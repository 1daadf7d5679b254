// Walks each PingOne guide against the emulator: the app type, grant, auth method, roles and scopes
// the guide names are what the emulator needs, and what the guide warns against does not work. The
// guides are read as text (our own files); the emulator plays PingOne over loopback.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CONNECTION_KINDS, ROLE_TABLE } from '../../connectors/shared/pingone.generated.js';
import { getConnector } from '../../connectors/registry.generated.js';
import { roleProbes } from '../../src/connections/role-probes.js';
import type { RoleName } from '../../src/emulator/index.js';
import { openScriptsWorld, signOnTokens, type ScriptsWorld } from '../scripts/world.js';

const guide = (name: string) => readFileSync(new URL(`../../guides/${name}.md`, import.meta.url), 'utf8');

/** The guide's roles table: call -> the roles it names. */
function guideRoleRows(markdown: string): Map<string, string[]> {
    const rows = new Map<string, string[]>();
    for (const [, call, roles] of markdown.matchAll(/^\| ([^|]+?) \| ([^|]+?) \|$/gm)) {
        if (call && roles) rows.set(call, roles.replace(/, granted at organization scope$/, '').split(/, | or /));
    }
    return rows;
}

/** The Token Endpoint Authentication Method a connector uses by default, as the console labels it. */
const consoleLabel = (method: string | undefined) => (method === 'client_secret_post' ? 'Client Secret Post' : 'Client Secret Basic');

let world: ScriptsWorld;
beforeAll(async () => {
    world = await openScriptsWorld({ users: 10 });
});
afterAll(async () => world?.close());

async function workerToken(roles: RoleName[]): Promise<string> {
    const app = world.emulator.admin.createApplication({ type: 'WORKER', grantTypes: ['CLIENT_CREDENTIALS'], roles });
    const response = await fetch(`${world.emulator.url}/${world.emulator.environmentId}/as/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: app.clientId, client_secret: app.clientSecret }).toString(),
    });
    return String(((await response.json()) as { access_token: string }).access_token);
}

async function probe(token: string, path: string): Promise<number> {
    return (await fetch(`${world.emulator.url}${path}`, { headers: { authorization: `Bearer ${token}` } })).status;
}

async function connect(name: string, app: { clientId: string; clientSecret: string; redirectUris: string[] }, scopes: readonly string[]) {
    const tokens = await signOnTokens(world.emulator, app, scopes.join(' '));
    await world.harness.connections.create({
        name,
        provider: 'pingone',
        config: { environmentId: world.emulator.environmentId, tld: world.emulator.tld },
        secrets: { clientId: app.clientId, clientSecret: app.clientSecret, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken },
        authMethod: getConnector('pingone').extensions.token_auth_methods[0],
        emulatorUrl: world.emulator.url,
    });
}

describe('guides/pingone-cc.md', () => {
    const markdown = guide('pingone-cc');

    it('names a Worker app with Client Credentials and the default token auth method', () => {
        expect(markdown).toContain('**Worker** application type');
        expect(markdown).toContain('**Client Credentials**');
        expect(markdown).toContain(consoleLabel(getConnector('pingone-cc').extensions.token_auth_methods[0]));
    });

    it("names each call's roles as the roles table, and each named role is what the emulator needs for the call", async () => {
        const rows = guideRoleRows(markdown);
        const environmentId = world.emulator.environmentId;
        for (const [key, facts] of Object.entries(ROLE_TABLE)) {
            const named = rows.get(facts.anyToken ? `${facts.call.replace(/\(\/v1\/roles\)/, '(`/v1/roles`)')}` : facts.call);
            if (!facts.anyToken) expect(named, facts.call).toEqual([...facts.roles]);
            const path = roleProbes[key]?.(environmentId);
            if (path === undefined || facts.anyToken) continue;
            for (const role of facts.roles) {
                const grant = (facts.scope === 'organization' ? [{ role, scope: 'organization' }] : [role]) as RoleName[];
                expect(await probe(await workerToken(grant), path), `${role} for ${facts.call}`).toBe(200);
            }
            expect(await probe(await workerToken([]), path), `no role for ${facts.call}`).toBe(403);
        }
    });
});

describe('guides/pingone.md', () => {
    const markdown = guide('pingone');

    it('lists, for each way, the scopes the connector asks for, and the app type it needs', () => {
        for (const [kind, facts] of Object.entries(CONNECTION_KINDS)) {
            expect(markdown, kind).toContain(`\`${facts.scopes.join(' ')}\``);
            expect(markdown, kind).toContain(facts.appType === 'WORKER' ? '### Way A: admin sign-on (Worker app)' : '### Way B: self-service (OIDC Web App)');
        }
        // The Resources-tab list of Way B is the self-service way's p1:* scopes.
        const wayB = markdown.slice(markdown.indexOf('### Way B'), markdown.indexOf('### Scopes each way asks for'));
        const resources = [...(wayB.split('**Resources** tab')[1]?.split('Save.')[0] ?? '').matchAll(/`(p1:[^`]+)`/g)].map((match) => match[1]);
        expect(resources).toEqual(CONNECTION_KINDS['self-service'].scopes.filter((scope) => scope.startsWith('p1:')));
    });

    it("names each call's roles for admin sign-on as the roles table (the emulator's needs, proven above)", () => {
        const rows = guideRoleRows(markdown);
        for (const facts of Object.values(ROLE_TABLE)) if (!facts.anyToken) expect(rows.get(facts.call), facts.call).toEqual([...facts.roles]);
    });

    it('Way A: a Worker app with Authorization Code, PKCE S256 and Refresh Token runs the admin syncs as the signed-on admin', async () => {
        const facts = CONNECTION_KINDS.admin;
        const app = world.emulator.admin.createApplication({
            type: 'WORKER',
            grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN'],
            pkceEnforcement: 'S256_REQUIRED',
            redirectUris: ['http://127.0.0.1/callback'],
        });
        await connect('way-a', { ...app, redirectUris: ['http://127.0.0.1/callback'] }, facts.scopes);
        expect((await world.harness.runSync('way-a', 'groups')).status).toBe('success');
        // A Worker app may not be given a self-management scope: signing on with one is refused.
        await expect(signOnTokens(world.emulator, { ...app, redirectUris: ['http://127.0.0.1/callback'] }, 'openid p1:read:user')).rejects.toThrow();
    });

    it('an OIDC Web App, as the old guide had it, cannot run the admin syncs', async () => {
        const app = world.emulator.admin.createApplication({ type: 'WEB_APP', grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN'] });
        await connect('old-way', { ...app, redirectUris: ['http://127.0.0.1/callback'] }, CONNECTION_KINDS.admin.scopes);
        const report = await world.harness.runSync('old-way', 'groups');
        expect(report.status).toBe('failed');
        expect(report.error?.payload).toMatchObject({ code: 'missing_role', pingone: { status: 403 } });
    });

    it('Way B: an OIDC Web App granted the listed p1 scopes runs every self-service action; one scope short, sign-on is refused', async () => {
        const facts = CONNECTION_KINDS['self-service'];
        const p1 = facts.scopes.filter((scope) => scope.startsWith('p1:'));
        const app = world.emulator.admin.createApplication({ type: 'WEB_APP', grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN'], scopes: p1 });
        await connect('way-b', { ...app, redirectUris: ['http://127.0.0.1/callback'] }, facts.scopes);
        for (const [action, input] of [
            ['get-my-profile', {}],
            ['update-my-profile', { nickname: 'Walker' }],
            ['get-my-password-state', {}],
            ['list-my-mfa-devices', {}],
            ['set-my-mfa-enabled', { enabled: false }],
        ] as const) {
            expect((await world.harness.runAction('way-b', action, input)).status, action).toBe('success');
        }
        const short = world.emulator.admin.createApplication({ type: 'WEB_APP', grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN'], scopes: p1.slice(1) });
        await expect(signOnTokens(world.emulator, { ...short, redirectUris: ['http://127.0.0.1/callback'] }, facts.scopes.join(' '))).rejects.toThrow();
    });
});

describe('guides/pingone-advanced-services.md', () => {
    const markdown = guide('pingone-advanced-services');
    const scope = 'self-service-api';
    // PingOne's half (the token) runs against the emulator; the self-service API on ping.cloud is not emulated.
    async function test(name: string, app: { clientId: string; clientSecret: string }) {
        await world.harness.connections.create({
            name,
            provider: 'pingone-advanced-services',
            config: { environmentId: world.emulator.environmentId, tld: world.emulator.tld, scope, environment: 'prod', customer: 'acme', region: 'us1' },
            secrets: { clientId: app.clientId, clientSecret: app.clientSecret },
            authMethod: getConnector('pingone-advanced-services').extensions.token_auth_methods[0],
            emulatorUrl: world.emulator.url,
        });
        return world.harness.connections.test(name);
    }

    it('names an OIDC Web App with Client Credentials only, the default token auth method, and a scope on its Resources tab', () => {
        expect(markdown).toContain('choose **OIDC Web App**');
        expect(markdown).toContain('set the **Grant Type** to\n   **Client Credentials** only');
        expect(markdown).toContain(consoleLabel(getConnector('pingone-advanced-services').extensions.token_auth_methods[0]));
        expect(markdown).toContain(`for example \`${scope}\``);
        expect(markdown).toContain('On the **Resources** tab, add the scope from step 1.');
    });

    it('the app the guide describes gets a token for its resource scope; without the scope on its Resources tab, or without the grant, it does not', async () => {
        const asGuided = world.emulator.admin.createApplication({ type: 'WEB_APP', grantTypes: ['CLIENT_CREDENTIALS'], scopes: [scope] });
        expect(await test('advanced', asGuided)).toMatchObject({ ok: true, reason: 'connected' });
        const noScope = world.emulator.admin.createApplication({ type: 'WEB_APP', grantTypes: ['CLIENT_CREDENTIALS'] });
        const refused = await test('advanced-no-scope', noScope);
        expect(refused.ok).toBe(false);
        expect(refused.message).toContain(scope);
        const noGrant = world.emulator.admin.createApplication({ type: 'WEB_APP', grantTypes: ['AUTHORIZATION_CODE'], scopes: [scope] });
        expect((await test('advanced-no-grant', noGrant)).ok).toBe(false);
    });
});
