import type { Dispatcher } from 'undici';
import type { Connector } from '../connector/connector.js';
import type { ProviderExtensions, RoleFacts } from '../connector/provider-definition.js';
import { AuthFailedError, ConnectorError, HostNotAllowedError, InvalidConfigError, NetworkError, RateLimitedError } from '../errors/index.js';
import { createPingOneDispatcher, redactText } from '../http/index.js';
import {
    authorizedRequest,
    clientCredentialsTokenSource,
    defaultTokenAuthMethod,
    type ClientCredentials,
    type TokenAuthMethod,
    type TokenSource,
} from '../oauth/index.js';
import { kindOfScopes, tokenClaims } from '../../connectors/shared/connection-kind.js';
import { populationFilter } from '../../connectors/shared/pingone.js';
import { roleProbes } from './role-probes.js';

export type DiagnosisReason =
    | 'connected'
    | 'invalid_config'
    | 'invalid_client'
    | 'auth_method_not_allowed'
    | 'environment_not_found'
    | 'missing_role'
    | 'unreachable'
    | 'rate_limited'
    | 'token_refused'
    | 'api_error';

export interface MissingRole {
    /** The roles-table key, e.g. `read-identity-data`. */
    key: string;
    /** What cannot be done, in words: "read users, groups, …". */
    call: string;
    /** Any one of these allows it; the first is the least powerful. */
    roles: readonly string[];
    scope: 'environment' | 'organization';
    /** The scripts that need it (`sync users`, `action create-user`), when the caller said. */
    neededBy?: readonly string[];
}

export interface ConnectionDiagnosis {
    ok: boolean;
    reason: DiagnosisReason;
    /** One sentence for a person. */
    message: string;
    /** What to do about it. */
    hint?: string;
    /** The form field or flag at fault, when there is one (`clientSecret`, `authMethod`, `environmentId`, `tld`). */
    field?: string;
    environment?: { id: string; name?: string; region?: string };
    missingRoles?: MissingRole[];
    /** Required calls that could not be checked (no harmless probe, and the role assignments were not readable). */
    unverified?: string[];
}

export interface TestConnectionInput {
    connector: Connector;
    /** Untrusted: validated by the connector before anything is built from it. */
    config: unknown;
    /** For client-credentials connections; ignored when `tokens` is given. */
    credentials?: ClientCredentials;
    authMethod?: TokenAuthMethod;
    /** A token source already set up (an authorization-code connection, or the harness's own). */
    tokens?: Pick<TokenSource, 'getAccessToken' | 'invalidate'>;
    /** The connection's dispatcher; without one, a dispatcher is made (and closed) for the test. */
    dispatcher?: Dispatcher;
    emulatorOrigin?: string;
    /** Keys of the connector's roles table the enabled scripts need, e.g. `['read-identity-data']`. */
    requiredRoles?: readonly string[];
    /** Which scripts need each required role (`{'read-audit-activities': ['sync users']}`), to say so when one is missing. */
    neededBy?: Readonly<Record<string, readonly string[]>>;
    /**
     * The application whose role assignments tell what it may write (calls with no harmless probe):
     * by default the client of `credentials`; a caller passing `tokens` of a client-credentials
     * connection names its client ID here.
     */
    applicationId?: string;
    /**
     * The populations a connection scoped to them reads (its metadata `populationIds`): roles granted
     * for populations do not read the environment, so each population's users are read instead.
     */
    populationIds?: readonly string[];
    signal?: AbortSignal;
}

interface Checked {
    connector: Connector;
    extensions: ProviderExtensions | undefined;
    config: Record<string, string>;
    environmentId: string;
    dispatcher: Dispatcher;
    tokens: Pick<TokenSource, 'getAccessToken' | 'invalidate'>;
    secrets: Array<string | undefined>;
    signal?: AbortSignal;
}

/**
 * Fetches a token, reads the environment, and (when asked) checks the roles the scripts need;
 * explains any failure in plain words with what to do. Credentials only ever go to the
 * connector's own hosts for the chosen region: a wrong region is found from PingOne's answer
 * there, never by sending the secret to the other regions. Nothing returned carries a secret.
 */
export async function testConnection(input: TestConnectionInput): Promise<ConnectionDiagnosis> {
    const secrets = [input.credentials?.clientSecret];
    let ownDispatcher: Dispatcher | undefined;
    let config: Record<string, string> = {};
    try {
        config = input.connector.parseConnectionConfig(input.config) as Record<string, string>;
        const missing = input.tokens === undefined ? (['clientId', 'clientSecret'] as const).find((field) => !input.credentials?.[field]) : undefined;
        if (missing !== undefined) {
            return {
                ok: false,
                reason: 'invalid_config',
                field: missing,
                message: `The ${missing === 'clientId' ? 'client ID' : 'client secret'} is missing.`,
                hint: "Copy it from the application's Overview tab in PingOne.",
            };
        }
        const dispatcher =
            input.dispatcher ??
            (ownDispatcher = createPingOneDispatcher({
                allowedHosts: input.connector.allowedHosts(config),
                ...(input.emulatorOrigin ? { emulatorOrigin: input.emulatorOrigin } : {}),
                retry: { maxRetries: 2 },
            }));
        const tokens =
            input.tokens ??
            clientCredentialsTokenSource({
                connector: input.connector,
                config,
                credentials: input.credentials!,
                authMethod: input.authMethod ?? defaultTokenAuthMethod,
                dispatcher,
            });
        const checked: Checked = {
            connector: input.connector,
            extensions: (input.connector as { extensions?: ProviderExtensions }).extensions,
            config,
            environmentId: config['environmentId'] ?? '',
            dispatcher,
            tokens,
            secrets,
            ...(input.signal ? { signal: input.signal } : {}),
        };
        const applicationId = input.applicationId ?? (input.tokens === undefined ? input.credentials?.clientId : undefined);
        const requiredRoles = input.requiredRoles ?? Object.keys(input.neededBy ?? {});
        return await diagnose(checked, { requiredRoles, applicationId, neededBy: input.neededBy ?? {}, populationIds: input.populationIds });
    } catch (error) {
        return explain(error, input.connector, config, secrets);
    } finally {
        await ownDispatcher?.close();
    }
}

interface Wanted {
    requiredRoles: readonly string[];
    applicationId: string | undefined;
    neededBy: Readonly<Record<string, readonly string[]>>;
    populationIds: readonly string[] | undefined;
}

async function diagnose(checked: Checked, { requiredRoles, applicationId, neededBy, populationIds }: Wanted): Promise<ConnectionDiagnosis> {
    const token = await checked.tokens.getAccessToken(checked.signal);
    const apiBase = checked.connector.apiBaseUrl(checked.config);
    const region = regionName(checked, checked.config['tld']);
    if (!/^api\.pingone\./.test(apiBase.hostname)) {
        return { ok: true, reason: 'connected', message: `Got an access token from PingOne (${region}).`, environment: { id: checked.environmentId, region } };
    }
    const claims = tokenClaims(token);
    if (typeof claims?.['scope'] === 'string' && kindOfScopes(claims['scope'].split(' ')) === 'self-service') {
        return diagnoseSelfService(checked, String(claims['sub']), region);
    }
    const environment = await get(checked, `/v1/environments/${checked.environmentId}`);
    if (environment.status === 404) return environmentNotFound(checked);
    if (environment.status === 403 && populationIds !== undefined) return diagnosePopulations(checked, populationIds, region);
    if (environment.status === 403) {
        return {
            ok: false,
            reason: 'missing_role',
            message: 'The token works, but the application has no role in this environment, so it cannot even read it.',
            hint: "In PingOne, open the application's Roles tab and grant Identity Data Read Only (to read) or Identity Data Admin (to write) for this environment; or, if its roles are granted for populations, list those populations in the connection's metadata as populationIds.",
            missingRoles: [],
        };
    }
    if (environment.status === 401) {
        return {
            ok: false,
            reason: 'token_refused',
            message: 'PingOne issued a token but the management API refused it.',
            hint: 'Check that the application is a Worker app (or an OIDC app with admin roles) in this environment.',
        };
    }
    if (environment.status !== 200) return apiError(environment.status);
    const name = typeof (environment.body as { name?: unknown }).name === 'string' ? (environment.body as { name: string }).name : undefined;
    const found = { id: checked.environmentId, region, ...(name ? { name } : {}) };

    const checkedRoles = await checkRoles(checked, requiredRoles, applicationId);
    const missing = checkedRoles.missing.map((role) => (neededBy[role.key] ? { ...role, neededBy: neededBy[role.key] } : role));
    const unverified = checkedRoles.unverified;
    if (missing.length > 0) {
        const first = missing[0]!;
        return {
            ok: false,
            reason: 'missing_role',
            environment: found,
            missingRoles: missing,
            message: `Connected to ${name ? `"${name}"` : 'the environment'}, but the application may not ${missing.map((role) => role.call).join('; ')}.`,
            hint: `In PingOne, open the application's Roles tab and grant ${first.roles[0]}${first.roles.length > 1 ? ` (or ${first.roles.slice(1).join(', ')})` : ''} at ${first.scope} scope.`,
        };
    }
    return {
        ok: true,
        reason: 'connected',
        environment: found,
        message: `Connected to ${name ? `"${name}"` : `environment ${checked.environmentId}`} in ${region}.`,
        ...(unverified.length > 0 ? { unverified, hint: `Could not check, without changing data, whether the application may ${unverified.join('; ')}.` } : {}),
    };
}

/** A connection scoped to populations: it must read the users of each (the users sync reads nothing else). */
async function diagnosePopulations(checked: Checked, populationIds: readonly string[], region: string): Promise<ConnectionDiagnosis> {
    for (const populationId of populationIds) {
        const filter = encodeURIComponent(populationFilter(populationId));
        const answer = await get(checked, `/v1/environments/${checked.environmentId}/users?limit=1&filter=${filter}`);
        if (answer.status === 200) continue;
        if (answer.status !== 403) return apiError(answer.status);
        return {
            ok: false,
            reason: 'missing_role',
            message: `The token works, but it may not read the users of population ${populationId} (metadata populationIds).`,
            hint: "In PingOne, open the application's Roles tab and grant Identity Data Read Only for that population, or remove it from populationIds.",
            missingRoles: [],
        };
    }
    return {
        ok: true,
        reason: 'connected',
        environment: { id: checked.environmentId, region },
        message: `Connected in ${region}, scoped to ${populationIds.length} population(s) (metadata populationIds): the users sync reads those; the syncs of the whole environment need roles granted for it.`,
    };
}

/**
 * A self-service token (an OIDC Web App's p1:* scopes) has no admin role to check: it must read the
 * signed-on user, which every self-service action needs (p1:read:user).
 */
async function diagnoseSelfService(checked: Checked, userId: string, region: string): Promise<ConnectionDiagnosis> {
    const user = await get(checked, `/v1/environments/${checked.environmentId}/users/${encodeURIComponent(userId)}`);
    if (user.status === 404) return environmentNotFound(checked);
    if (user.status === 403) {
        return {
            ok: false,
            reason: 'missing_role',
            message: "The token works, but it may not read the signed-on user's own profile.",
            hint: "In PingOne, add p1:read:user to the OIDC Web App's Resources tab, then sign on again asking for it.",
            missingRoles: [],
        };
    }
    if (user.status !== 200) return apiError(user.status);
    const username = (user.body as { username?: unknown }).username;
    return {
        ok: true,
        reason: 'connected',
        environment: { id: checked.environmentId, region },
        message: `Connected as ${typeof username === 'string' ? `"${username}"` : 'the signed-on user'} in ${region}: a self-service connection (OIDC Web App), for the self-service actions only; the syncs and admin actions need an admin sign-on (Worker app).`,
    };
}

async function checkRoles(
    checked: Checked,
    keys: readonly string[],
    applicationId: string | undefined,
): Promise<{ missing: MissingRole[]; unverified: string[] }> {
    const table = checked.extensions?.roles ?? {};
    const missing: MissingRole[] = [];
    const unprobed: Array<[string, RoleFacts]> = [];
    for (const key of keys) {
        const facts = table[key];
        if (facts === undefined) throw new InvalidConfigError('requiredRoles', `"${key}" is not in the roles table; known: ${Object.keys(table).join(', ')}.`);
        if (facts.any_token) continue;
        const probe = roleProbes[key];
        if (probe === undefined) {
            unprobed.push([key, facts]);
            continue;
        }
        const answer = await get(checked, probe(checked.environmentId));
        if (answer.status === 403) missing.push(missingRole(key, facts));
        else if (answer.status >= 400) throw new ConnectorError('api_error', `PingOne answered ${answer.status} while checking the roles.`);
    }
    if (unprobed.length === 0) return { missing, unverified: [] };
    const held = applicationId === undefined ? undefined : await heldRoles(checked, applicationId);
    if (held === undefined) return { missing, unverified: unprobed.map(([, facts]) => facts.call) };
    for (const [key, facts] of unprobed) {
        const allowed = held.some(
            (grant) =>
                facts.roles.includes(grant.role) &&
                (grant.scope === 'ORGANIZATION' ||
                    (facts.scope !== 'organization' && grant.scope === 'ENVIRONMENT' && grant.scopeId === checked.environmentId)),
        );
        if (!allowed) missing.push(missingRole(key, facts));
    }
    return { missing, unverified: [] };
}

/** The application's role assignments by role name, or undefined when its roles do not allow reading them. */
async function heldRoles(checked: Checked, applicationId: string): Promise<Array<{ role: string; scope: string; scopeId: string }> | undefined> {
    const roles = await get(checked, '/v1/roles');
    const assignments = await get(checked, `/v1/environments/${checked.environmentId}/applications/${encodeURIComponent(applicationId)}/roleAssignments`);
    if (roles.status !== 200 || assignments.status !== 200) return undefined;
    const names = new Map(embedded(roles.body, 'roles').map((role) => [String(role['id']), String(role['name'])]));
    return embedded(assignments.body, 'roleAssignments').map((assignment) => {
        const scope = (assignment['scope'] ?? {}) as Record<string, unknown>;
        return {
            role: names.get(String((assignment['role'] as Record<string, unknown> | undefined)?.['id'])) ?? '',
            scope: String(scope['type']),
            scopeId: String(scope['id']),
        };
    });
}

function embedded(body: unknown, name: string): Array<Record<string, unknown>> {
    const list = ((body as { _embedded?: Record<string, unknown> } | null)?._embedded ?? {})[name];
    return Array.isArray(list) ? (list as Array<Record<string, unknown>>) : [];
}

function missingRole(key: string, facts: RoleFacts): MissingRole {
    return { key, call: facts.call, roles: facts.roles, scope: facts.scope ?? 'environment' };
}

function get(checked: Checked, path: string) {
    return authorizedRequest(checked.tokens, checked.dispatcher, {
        url: new URL(path, checked.connector.apiBaseUrl(checked.config)),
        ...(checked.signal ? { signal: checked.signal } : {}),
    });
}

function environmentNotFound(checked: Pick<Checked, 'extensions' | 'environmentId' | 'config'>): ConnectionDiagnosis {
    const tld = checked.config['tld'];
    const others = Object.entries(checked.extensions?.regions ?? {})
        .filter(([candidate]) => candidate !== tld)
        .map(([candidate, facts]) => `${facts.label} (${candidate})`);
    return {
        ok: false,
        reason: 'environment_not_found',
        field: 'environmentId',
        message: `PingOne ${regionName(checked, tld)} has no environment ${checked.environmentId}.`,
        hint: `Check the Environment ID (Environment → Properties in PingOne). An environment lives in one region only: if the ID is right, try the other regions${others.length > 0 ? `: ${others.join(', ')}` : ''}.`,
    };
}

function regionName(checked: Pick<Checked, 'extensions'>, tld: string | undefined): string {
    const facts = tld === undefined ? undefined : checked.extensions?.regions[tld];
    return facts ? `${facts.label} (${tld})` : `the ${tld ?? ''} region`;
}

function apiError(status: number): ConnectionDiagnosis {
    return {
        ok: false,
        reason: 'api_error',
        message: `PingOne answered ${status} when reading the environment.`,
        hint: 'Try again later; if it persists, check status.pingidentity.com.',
    };
}

function explain(error: unknown, connector: Connector, config: Record<string, string>, secrets: Array<string | undefined>): ConnectionDiagnosis {
    const clean = (text: string | undefined) => (text === undefined ? undefined : redactText(text, secrets));
    const withHint = (diagnosis: Omit<ConnectionDiagnosis, 'hint'>, hint: string | undefined): ConnectionDiagnosis => {
        const cleaned = clean(hint);
        return { ...diagnosis, message: clean(diagnosis.message)!, ...(cleaned ? { hint: cleaned } : {}) };
    };
    if (error instanceof InvalidConfigError) return withHint({ ok: false, reason: 'invalid_config', field: error.field, message: error.message }, error.hint);
    if (error instanceof AuthFailedError) {
        if (error.reason === 'environment_not_found') {
            return environmentNotFound({
                extensions: (connector as { extensions?: ProviderExtensions }).extensions,
                environmentId: config['environmentId'] ?? '',
                config,
            });
        }
        const plain: Partial<Record<string, [DiagnosisReason, string]>> = {
            invalid_client: ['invalid_client', error.message],
            auth_method_not_allowed: ['auth_method_not_allowed', error.message],
        };
        const [reason, message] = plain[error.reason] ?? ['token_refused', error.message];
        return withHint({ ok: false, reason, message, ...(error.field ? { field: error.field } : {}) }, error.hint);
    }
    if (error instanceof NetworkError && error.emulatorOrigin !== undefined) {
        return withHint({ ok: false, reason: 'unreachable', message: error.message }, error.hint);
    }
    if (error instanceof NetworkError) {
        return withHint(
            { ok: false, reason: 'unreachable', field: 'tld', message: `Could not reach ${error.host}${error.causeCode ? ` (${error.causeCode})` : ''}.` },
            'Check the network (proxy, firewall) and the region: PingOne hosts are auth.pingone.<tld> and api.pingone.<tld>.',
        );
    }
    if (error instanceof RateLimitedError)
        return withHint({ ok: false, reason: 'rate_limited', message: 'PingOne is limiting requests right now.' }, error.hint);
    if (error instanceof HostNotAllowedError) return withHint({ ok: false, reason: 'invalid_config', message: error.message }, error.hint);
    if (error instanceof ConnectorError) return withHint({ ok: false, reason: 'api_error', message: error.message }, error.hint);
    throw error;
}
