import { readFileSync } from 'node:fs';
import Ajv, { type ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { buildRouter } from '../../src/emulator/routes.js';
import { emulatorForFile } from './fixture.js';
import { call, type CallOptions } from './http.js';

// Responses are checked against the schemas of the PingOne specs, extracted once into
// spec/pingone-operations.json (provenance and licences beside it).

interface Operation {
    source: string;
    operationId: string;
    method: string;
    path: string;
    requestContentTypes: string[];
    responses: Record<string, unknown>;
}

interface SpecData {
    sources: Record<string, { openapi: string; schema: { $id: string; definitions: Record<string, unknown> } }>;
    operations: Operation[];
}

const spec = JSON.parse(readFileSync(new URL('./spec/pingone-operations.json', import.meta.url), 'utf8')) as SpecData;

// Where the emulator answers another success status than the (hand-maintained) spec lists, and why.
const knownDeviations: Record<string, { status: number; reason: string }> = {
    'POST /environments/{environmentID}/users/{userID}/devices': {
        status: 201,
        reason: "PingOne's docs answer 201 Created for Create MFA User Device; the community spec lists 200.",
    },
};

/**
 * openapi-generator's `oneOf` lists overlapping branches (an enum and a plain string, say) and means
 * "one of these Go types", which JSON Schema's exclusive oneOf rejects; it is read as anyOf.
 */
function oneOfAsAnyOf(node: unknown): unknown {
    if (Array.isArray(node)) return node.map(oneOfAsAnyOf);
    if (typeof node !== 'object' || node === null) return node;
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key === 'oneOf' ? 'anyOf' : key, oneOfAsAnyOf(value)]));
}

function validators(): (operation: Operation, status: number) => ValidateFunction | undefined {
    // The packages are CommonJS: under NodeNext the classes sit on `.default`.
    const draft07 = new Ajv.default({ strict: false, allErrors: true });
    const draft2020 = new Ajv2020.default({ strict: false, allErrors: true });
    for (const ajv of [draft07, draft2020]) addFormats.default(ajv);
    for (const [key, source] of Object.entries(spec.sources)) {
        if (source.openapi === '3.1') draft2020.addSchema(source.schema, key);
        else draft07.addSchema(oneOfAsAnyOf(source.schema) as object, key);
    }
    const cache = new Map<string, ValidateFunction | undefined>();
    return (operation, status) => {
        const key = `${operation.source} ${operation.method} ${operation.path} ${status}`;
        if (!cache.has(key)) {
            const schema = operation.responses[String(status)];
            const ajv = spec.sources[operation.source]?.openapi === '3.1' ? draft2020 : draft07;
            cache.set(key, schema ? ajv.compile((ajv === draft07 ? oneOfAsAnyOf(schema) : schema) as object) : undefined);
        }
        return cache.get(key);
    };
}

function emulatorPath(operation: Operation): string {
    return `/v1${operation.path.replace(/\{[^}]+\}/g, 'x')}`;
}

const router = buildRouter();
const covered = spec.operations.filter((operation) => {
    const match = router.match(operation.method, emulatorPath(operation));
    return match !== undefined && 'route' in match;
});

describe('emulator: conformance to the PingOne specs', () => {
    const fixture = emulatorForFile();
    const validatorFor = validators();

    it('reports which spec operations the emulator serves', () => {
        const lines = spec.operations.map(
            (operation) =>
                `${covered.includes(operation) ? 'covered    ' : 'not served '} ${operation.method.padEnd(6)} ${operation.path} (${operation.source})`,
        );
        console.log(`PingOne spec operations: ${covered.length} of ${spec.operations.length} served by the emulator\n${lines.join('\n')}`);
        const servedKeys = new Set(covered.map((operation) => `${operation.method} ${operation.path}`));
        for (const expected of [
            'GET /environments',
            'GET /environments/{environmentID}/users',
            'POST /environments/{environmentID}/users',
            'PATCH /environments/{environmentID}/users/{userID}',
            'GET /environments/{environmentID}/users/{userID}/memberOfGroups',
            'GET /environments/{environmentID}/users/{userID}/devices',
            'GET /environments/{environmentID}/activities',
            'GET /roles',
        ]) {
            expect(servedKeys.has(expected), expected).toBe(true);
        }
    });

    it('answers every served operation with a body that validates against its spec schema', async () => {
        const env = `/environments/${fixture.emulator.environmentId}`;
        const v1 = (path: string) => `/v1${path}`;
        const created = async (path: string, json: unknown, contentType?: string) => {
            const result = await call(fixture.emulator, 'POST', v1(path), { token: fixture.token, json, ...(contentType ? { contentType } : {}) });
            if (result.status !== 201) throw new Error(`fixture ${path}: ${result.status} ${result.text}`);
            return result.body;
        };
        // Fixtures every request below can point at; the ones a DELETE consumes are their own.
        const roles = (await call(fixture.emulator, 'GET', '/v1/roles', { token: fixture.token })).body._embedded.roles;
        const readOnlyRole = roles.find((role: { name: string }) => role.name === 'Identity Data Read Only').id;
        const user = await created(`${env}/users`, { username: 'conformance', email: 'c@example.com', name: { given: 'Con', family: 'Formance' } });
        const doomedUser = await created(`${env}/users`, { username: 'doomed', email: 'd@example.com' });
        const group = await created(`${env}/groups`, { name: 'Conformance' });
        const doomedGroup = await created(`${env}/groups`, { name: 'Doomed' });
        await created(`${env}/users/${user.id}/memberOfGroups`, { id: group.id });
        const doomedMembership = await created(`${env}/groups`, { name: 'Leaving' });
        await created(`${env}/users/${user.id}/memberOfGroups`, { id: doomedMembership.id });
        const population = await created(`${env}/populations`, { name: 'Conformance' });
        const doomedPopulation = await created(`${env}/populations`, { name: 'Doomed' });
        const application = await created(`${env}/applications`, {
            name: 'Conformance',
            type: 'WORKER',
            protocol: 'OPENID_CONNECT',
            tokenEndpointAuthMethod: 'CLIENT_SECRET_BASIC',
        });
        const doomedApplication = await created(`${env}/applications`, {
            name: 'Doomed',
            type: 'WORKER',
            protocol: 'OPENID_CONNECT',
            tokenEndpointAuthMethod: 'CLIENT_SECRET_BASIC',
        });
        const assignment = { role: { id: readOnlyRole }, scope: { id: fixture.emulator.environmentId, type: 'ENVIRONMENT' } };
        const userAssignment = await created(`${env}/users/${user.id}/roleAssignments`, assignment);
        const identityAdminRole = roles.find((role: { name: string }) => role.name === 'Identity Data Admin').id;
        const doomedAssignment = { role: { id: identityAdminRole }, scope: { id: fixture.emulator.environmentId, type: 'ENVIRONMENT' } };
        const doomedUserAssignment = await created(`${env}/users/${user.id}/roleAssignments`, doomedAssignment);
        const appAssignment = await created(`${env}/applications/${application.id}/roleAssignments`, assignment);
        const doomedAppAssignment = await created(`${env}/applications/${application.id}/roleAssignments`, doomedAssignment);
        const device = await created(`${env}/users/${user.id}/devices`, { type: 'EMAIL', email: 'c@example.com' });
        const doomedDevice = await created(`${env}/users/${user.id}/devices`, { type: 'SMS', phone: '+14155550100' });
        const since = new Date(Date.now() - 60_000).toISOString();
        const activity = (
            await call(fixture.emulator, 'GET', v1(`${env}/activities?filter=${encodeURIComponent(`recordedAt gt "${since}"`)}`), { token: fixture.token })
        ).body._embedded.activities[0];

        // Group nesting, group role assignments, custom roles and linked accounts.
        const parentGroup = await created(`${env}/groups`, { name: 'Parent' });
        const doomedParent = await created(`${env}/groups`, { name: 'Doomed parent' });
        await created(`${env}/groups/${group.id}/memberOfGroups`, { id: parentGroup.id });
        await created(`${env}/groups/${group.id}/memberOfGroups`, { id: doomedParent.id });
        const groupAssignment = await created(`${env}/groups/${group.id}/roleAssignments`, assignment);
        const doomedGroupAssignment = await created(`${env}/groups/${group.id}/roleAssignments`, doomedAssignment);
        const customRole = { name: 'Auditor', permissions: [{ id: 'audit_reporting:read:activity' }], canBeAssignedBy: [{ id: identityAdminRole }] };
        const auditor = await created(`${env}/roles`, customRole);
        const doomedRole = await created(`${env}/roles`, { ...customRole, name: 'Doomed role' });
        const provider = await created(`${env}/identityProviders`, { name: 'Social', type: 'GOOGLE', enabled: true });
        const link = 'application/vnd.pingidentity.account.link+json';
        const linked = await created(`${env}/users/${user.id}/linkedAccounts`, { identityProvider: { id: provider.id }, externalId: 'ext-1' }, link);
        const doomedProvider = await created(`${env}/identityProviders`, { name: 'Other social', type: 'GITHUB', enabled: true });
        const doomedLink = await created(`${env}/users/${user.id}/linkedAccounts`, { identityProvider: { id: doomedProvider.id }, externalId: 'ext-2' }, link);
        const u = `${env}/users/${user.id}`;
        // Application roles (PingOne Authorize): one the user holds, to remove; another to assign.
        const applicationRoles = (await call(fixture.emulator, 'GET', v1(`${env}/applicationRoles`), { token: fixture.token })).body._embedded.roles;
        await created(`${u}/applicationRoles`, { id: applicationRoles[0].id });
        // A seeded user who has signed on has sessions (API-created users have none): one with two, one to delete.
        const withSessions = Array.from({ length: 40 }, (_, i) => fixture.emulator.admin.users.at(i)).find(
            (candidate) => candidate !== undefined && fixture.emulator.admin.identity.sessions(String(candidate['id'])).length >= 2,
        );
        const signedOn = `${env}/users/${String(withSessions?.['id'])}`;
        const sessions = fixture.emulator.admin.identity.sessions(String(withSessions?.['id']));
        const requests: Record<string, { path: string; options?: CallOptions }> = {
            'GET /environments': { path: '/environments' },
            'GET /environments/{environmentID}': { path: env },
            'GET /environments/{environmentID}/applications': { path: `${env}/applications` },
            'POST /environments/{environmentID}/applications': {
                path: `${env}/applications`,
                options: {
                    json: {
                        name: 'Another',
                        type: 'WEB_APP',
                        protocol: 'OPENID_CONNECT',
                        tokenEndpointAuthMethod: 'CLIENT_SECRET_POST',
                        grantTypes: ['AUTHORIZATION_CODE'],
                        redirectUris: ['https://app.example/cb'],
                    },
                },
            },
            'GET /environments/{environmentID}/applications/{applicationID}': { path: `${env}/applications/${application.id}` },
            'PUT /environments/{environmentID}/applications/{applicationID}': {
                path: `${env}/applications/${application.id}`,
                options: {
                    json: { name: 'Renamed', type: 'WORKER', protocol: 'OPENID_CONNECT', tokenEndpointAuthMethod: 'CLIENT_SECRET_POST', enabled: true },
                },
            },
            'DELETE /environments/{environmentID}/applications/{applicationID}': { path: `${env}/applications/${doomedApplication.id}` },
            'GET /environments/{environmentID}/applications/{applicationID}/secret': { path: `${env}/applications/${application.id}/secret` },
            'POST /environments/{environmentID}/applications/{applicationID}/secret': {
                path: `${env}/applications/${application.id}/secret`,
                options: { json: {} },
            },
            'GET /environments/{environmentID}/applications/{applicationID}/roleAssignments': { path: `${env}/applications/${application.id}/roleAssignments` },
            'POST /environments/{environmentID}/applications/{applicationID}/roleAssignments': {
                path: `${env}/applications/${application.id}/roleAssignments`,
                options: { json: { role: { id: readOnlyRole }, scope: { id: population.id, type: 'POPULATION' } } },
            },
            'GET /environments/{environmentID}/applications/{applicationID}/roleAssignments/{roleAssignmentID}': {
                path: `${env}/applications/${application.id}/roleAssignments/${appAssignment.id}`,
            },
            'DELETE /environments/{environmentID}/applications/{applicationID}/roleAssignments/{roleAssignmentID}': {
                path: `${env}/applications/${application.id}/roleAssignments/${doomedAppAssignment.id}`,
            },
            'GET /environments/{environmentID}/activities': { path: `${env}/activities?filter=${encodeURIComponent(`recordedAt gt "${since}"`)}` },
            'POST /environments/{environmentID}/activities': { path: `${env}/activities`, options: { form: { filter: `recordedAt gt "${since}"` } } },
            'GET /environments/{environmentID}/activities/{activityID}': { path: `${env}/activities/${activity.id}` },
            'GET /environments/{environmentID}/groups': { path: `${env}/groups` },
            'POST /environments/{environmentID}/groups': { path: `${env}/groups`, options: { json: { name: 'Created', description: 'x' } } },
            'GET /environments/{environmentID}/groups/{groupID}': { path: `${env}/groups/${group.id}?include=totalMemberCounts` },
            'PUT /environments/{environmentID}/groups/{groupID}': {
                path: `${env}/groups/${group.id}`,
                options: { json: { name: 'Conformance', description: 'replaced' } },
            },
            'DELETE /environments/{environmentID}/groups/{groupID}': { path: `${env}/groups/${doomedGroup.id}` },
            'GET /environments/{environmentID}/populations': { path: `${env}/populations` },
            'POST /environments/{environmentID}/populations': { path: `${env}/populations`, options: { json: { name: 'Created' } } },
            'GET /environments/{environmentID}/populations/{populationID}': { path: `${env}/populations/${population.id}` },
            'PUT /environments/{environmentID}/populations/{populationID}': {
                path: `${env}/populations/${population.id}`,
                options: { json: { name: 'Conformance', description: 'replaced' } },
            },
            'DELETE /environments/{environmentID}/populations/{populationID}': { path: `${env}/populations/${doomedPopulation.id}` },
            'GET /environments/{environmentID}/users': { path: `${env}/users?limit=50` },
            'POST /environments/{environmentID}/users': {
                path: `${env}/users`,
                options: {
                    json: { username: 'imported', email: 'i@example.com', password: { value: 'Imported-1-pass' } },
                    contentType: 'application/vnd.pingidentity.user.import+json',
                },
            },
            'GET /environments/{environmentID}/users/{userID}': { path: `${u}?include=memberOfGroupIDs` },
            'POST /environments/{environmentID}/users/{userID}': {
                path: u,
                options: { json: {}, contentType: 'application/vnd.pingidentity.account.lock+json' },
            },
            'PUT /environments/{environmentID}/users/{userID}': {
                path: u,
                options: { json: { username: 'conformance', email: 'c@example.com', title: 'Tester' } },
            },
            'PATCH /environments/{environmentID}/users/{userID}': { path: u, options: { json: { nickname: 'Con' } } },
            'DELETE /environments/{environmentID}/users/{userID}': { path: `${env}/users/${doomedUser.id}` },
            'GET /environments/{environmentID}/users/{userID}/memberOfGroups': { path: `${u}/memberOfGroups?expand=group` },
            'POST /environments/{environmentID}/users/{userID}/memberOfGroups': {
                path: `${u}/memberOfGroups`,
                options: { json: { id: (await created(`${env}/groups`, { name: 'Joined' })).id } },
            },
            'GET /environments/{environmentID}/users/{userID}/memberOfGroups/{groupID}': { path: `${u}/memberOfGroups/${group.id}` },
            'DELETE /environments/{environmentID}/users/{userID}/memberOfGroups/{groupID}': { path: `${u}/memberOfGroups/${doomedMembership.id}` },
            'GET /environments/{environmentID}/users/{userID}/enabled': { path: `${u}/enabled` },
            'PUT /environments/{environmentID}/users/{userID}/enabled': { path: `${u}/enabled`, options: { json: { enabled: true } } },
            'GET /environments/{environmentID}/users/{userID}/population': { path: `${u}/population` },
            'PUT /environments/{environmentID}/users/{userID}/population': { path: `${u}/population`, options: { json: { id: user.population.id } } },
            'GET /environments/{environmentID}/users/{userID}/password': { path: `${u}/password` },
            'PUT /environments/{environmentID}/users/{userID}/password': {
                path: `${u}/password`,
                options: { json: { value: 'Conformance-1-pass', forceChange: false }, contentType: 'application/vnd.pingidentity.password.set+json' },
            },
            'POST /environments/{environmentID}/users/{userID}/password': {
                path: `${u}/password`,
                options: { contentType: 'application/vnd.pingidentity.password.forceChange' },
            },
            'GET /environments/{environmentID}/users/{userID}/roleAssignments': { path: `${u}/roleAssignments` },
            'POST /environments/{environmentID}/users/{userID}/roleAssignments': {
                path: `${u}/roleAssignments`,
                options: { json: { role: { id: readOnlyRole }, scope: { id: population.id, type: 'POPULATION' } } },
            },
            'GET /environments/{environmentID}/users/{userID}/roleAssignments/{roleAssignmentID}': { path: `${u}/roleAssignments/${userAssignment.id}` },
            'DELETE /environments/{environmentID}/users/{userID}/roleAssignments/{roleAssignmentID}': {
                path: `${u}/roleAssignments/${doomedUserAssignment.id}`,
            },
            'GET /roles': { path: '/roles' },
            'GET /roles/{roleID}': { path: `/roles/${readOnlyRole}` },
            'GET /environments/{environmentID}/users/{userID}/devices': { path: `${u}/devices` },
            'POST /environments/{environmentID}/users/{userID}/devices': { path: `${u}/devices`, options: { json: { type: 'TOTP' } } },
            'GET /environments/{environmentID}/users/{userID}/devices/{deviceID}': { path: `${u}/devices/${device.id}` },
            'POST /environments/{environmentID}/users/{userID}/devices/{deviceID}': {
                path: `${u}/devices/${device.id}`,
                options: { json: { otp: '123456' }, contentType: 'application/vnd.pingidentity.device.activate+json' },
            },
            'DELETE /environments/{environmentID}/users/{userID}/devices/{deviceID}': { path: `${u}/devices/${doomedDevice.id}` },
            'PUT /environments/{environmentID}/users/{userID}/devices/{deviceID}/nickname': {
                path: `${u}/devices/${device.id}/nickname`,
                options: { json: { nickname: 'Mail' } },
            },
            'GET /environments/{environmentID}/users/{userID}/sessions': { path: `${signedOn}/sessions` },
            'GET /environments/{environmentID}/users/{userID}/sessions/{sessionID}': { path: `${signedOn}/sessions/${sessions[0]?.id}` },
            'DELETE /environments/{environmentID}/users/{userID}/sessions/{sessionID}': { path: `${signedOn}/sessions/${sessions[1]?.id}` },
            'GET /environments/{environmentID}/users/{userID}/mfaEnabled': { path: `${u}/mfaEnabled` },
            'PUT /environments/{environmentID}/users/{userID}/mfaEnabled': { path: `${u}/mfaEnabled`, options: { json: { mfaEnabled: true } } },
            'GET /environments/{environmentID}/groups/{groupID}/memberOfGroups': { path: `${env}/groups/${group.id}/memberOfGroups` },
            'POST /environments/{environmentID}/groups/{groupID}/memberOfGroups': {
                path: `${env}/groups/${group.id}/memberOfGroups`,
                options: { json: { id: (await created(`${env}/groups`, { name: 'Outer' })).id } },
            },
            'GET /environments/{environmentID}/groups/{groupID}/memberOfGroups/{nestedGroupID}': {
                path: `${env}/groups/${group.id}/memberOfGroups/${parentGroup.id}`,
            },
            'DELETE /environments/{environmentID}/groups/{groupID}/memberOfGroups/{nestedGroupID}': {
                path: `${env}/groups/${group.id}/memberOfGroups/${doomedParent.id}`,
            },
            'GET /environments/{environmentID}/groups/{groupID}/roleAssignments': { path: `${env}/groups/${group.id}/roleAssignments` },
            'POST /environments/{environmentID}/groups/{groupID}/roleAssignments': {
                path: `${env}/groups/${group.id}/roleAssignments`,
                options: { json: { role: { id: readOnlyRole }, scope: { id: population.id, type: 'POPULATION' } } },
            },
            'GET /environments/{environmentID}/groups/{groupID}/roleAssignments/{roleAssignmentID}': {
                path: `${env}/groups/${group.id}/roleAssignments/${groupAssignment.id}`,
            },
            'DELETE /environments/{environmentID}/groups/{groupID}/roleAssignments/{roleAssignmentID}': {
                path: `${env}/groups/${group.id}/roleAssignments/${doomedGroupAssignment.id}`,
            },
            'GET /environments/{environmentID}/roles': { path: `${env}/roles` },
            'POST /environments/{environmentID}/roles': { path: `${env}/roles`, options: { json: { ...customRole, name: 'Another role' } } },
            'GET /environments/{environmentID}/roles/{customRoleID}': { path: `${env}/roles/${auditor.id}` },
            'PUT /environments/{environmentID}/roles/{customRoleID}': {
                path: `${env}/roles/${auditor.id}`,
                options: { json: { ...customRole, description: 'replaced' } },
            },
            'DELETE /environments/{environmentID}/roles/{customRoleID}': { path: `${env}/roles/${doomedRole.id}` },
            'GET /environments/{environmentID}/users/{userID}/linkedAccounts': { path: `${u}/linkedAccounts` },
            'GET /environments/{environmentID}/users/{userID}/linkedAccounts/{linkedAccountID}': { path: `${u}/linkedAccounts/${linked.id}` },
            'DELETE /environments/{environmentID}/users/{userID}/linkedAccounts/{linkedAccountID}': { path: `${u}/linkedAccounts/${doomedLink.id}` },
            'GET /environments/{environmentID}/users/{userID}/applicationRoles': { path: `${u}/applicationRoles` },
            'POST /environments/{environmentID}/users/{userID}/applicationRoles': {
                path: `${u}/applicationRoles`,
                options: { json: { id: applicationRoles[1].id } },
            },
            'DELETE /environments/{environmentID}/users/{userID}/applicationRoles/{applicationRoleID}': {
                path: `${u}/applicationRoles/${applicationRoles[0].id}`,
            },
        };
        const failures: string[] = [];
        const done = new Map<string, { status: number; body: unknown }>();
        for (const operation of covered) {
            const key = `${operation.method} ${operation.path}`;
            const sample = requests[key];
            if (!sample) {
                failures.push(`${key}: no sample request in this test`);
                continue;
            }
            // Both the official and the community spec describe /environments: one request, checked against both.
            const result = done.get(key) ?? (await call(fixture.emulator, operation.method, v1(sample.path), { token: fixture.token, ...sample.options }));
            done.set(key, { status: result.status, body: result.body });
            const deviation = knownDeviations[key];
            const expectedStatuses = Object.keys(operation.responses)
                .map(Number)
                .filter((status) => status < 300);
            if (!expectedStatuses.includes(result.status) && deviation?.status !== result.status) {
                failures.push(
                    `${key} (${operation.source}): status ${result.status}, the spec lists ${expectedStatuses.join(', ')}: ${JSON.stringify(result.body)}`,
                );
                continue;
            }
            const validate = validatorFor(operation, result.status);
            if (validate && !validate(result.body)) failures.push(`${key} (${operation.source}): ${JSON.stringify(validate.errors?.slice(0, 3))}`);
        }
        expect(failures).toEqual([]);
    });

    it('answers errors whose bodies validate against the spec error schemas (400, 401, 403, 404, 429)', async () => {
        const usersOperation = spec.operations.find(
            (operation) =>
                operation.source === 'community-management' && operation.method === 'GET' && operation.path === '/environments/{environmentID}/users',
        ) as Operation;
        const environmentsOperation = spec.operations.find(
            (operation) => operation.source === 'official' && operation.method === 'GET' && operation.path === '/environments',
        ) as Operation;
        const users = `/v1/environments/${fixture.emulator.environmentId}/users`;
        const readOnly = fixture.emulator.admin.createApplication({ roles: [] });
        const { tokenFor } = await import('./http.js');
        const bare = await tokenFor(fixture.emulator, readOnly.clientId, readOnly.clientSecret);
        const cases: Array<[Operation, number, () => ReturnType<typeof call>]> = [
            [
                usersOperation,
                400,
                () => call(fixture.emulator, 'GET', `${users}?filter=${encodeURIComponent('updatedAt gt "2024-01-01"')}`, { token: fixture.token }),
            ],
            [usersOperation, 401, () => call(fixture.emulator, 'GET', users)],
            [usersOperation, 403, () => call(fixture.emulator, 'GET', users, { token: bare })],
            [usersOperation, 404, () => call(fixture.emulator, 'GET', `${users}/00000000-0000-4000-8000-000000000000`, { token: fixture.token })],
            [environmentsOperation, 403, () => call(fixture.emulator, 'GET', '/v1/environments', { token: bare })],
        ];
        fixture.emulator.admin.setRateLimit({ requestsPerSecond: 0.01, burst: 1 });
        try {
            await call(fixture.emulator, 'GET', users, { token: fixture.token });
            cases.push([usersOperation, 429, async () => call(fixture.emulator, 'GET', users, { token: fixture.token })]);
            const failures: string[] = [];
            for (const [operation, status, run] of cases) {
                if (status !== 429) fixture.emulator.admin.setRateLimit(undefined);
                else fixture.emulator.admin.setRateLimit({ requestsPerSecond: 0.01, burst: 1 });
                if (status === 429) await call(fixture.emulator, 'GET', users, { token: fixture.token });
                const result = await run();
                expect(result.status).toBe(status);
                const validate = validatorFor(operation, status);
                expect(validate, `${operation.source} has a schema for ${status}`).toBeDefined();
                if (validate && !validate(result.body)) failures.push(`${status} (${operation.source}): ${JSON.stringify(validate.errors)}`);
            }
            expect(failures).toEqual([]);
        } finally {
            fixture.emulator.admin.setRateLimit(undefined);
        }
    });
});
