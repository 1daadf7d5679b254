// Runs when a connection is created: the token works (any call needs one), the environment exists
// in that region, and the app can do what the scripts need. A failure says what to fix; a missing
// optional role is logged with the scripts it affects.
import type { NangoAction } from 'nango';

import { SELF_SERVICE_ACTIONS } from '../catalog.js';
import { readPingOneContext, type PingOneContext } from '../connection.js';
import { readSignedOn } from '../connection-kind.js';
import { defineOnEvent, type Integration } from '../define.js';
import { describeFailure, fail } from '../errors.js';
import { tryCall } from '../http.js';
import { readMetadata } from '../metadata.js';
import { ROLES, TLDS, type RoleNeed } from '../pingone.js';
import { PopulationScopeMetadata, readPopulationUsers } from '../population-scope.js';

interface Probe {
    need: RoleNeed;
    path: (context: PingOneContext) => string;
    params?: Record<string, string | number>;
    /** What fails without it, for the message. */
    affects: string;
    required: boolean;
    only?: Integration;
}

const PROBES: Probe[] = [
    {
        need: 'identityRead',
        path: (c) => `${c.environmentPath}/users`,
        params: { limit: 1 },
        affects: 'every user, group, population, membership and device script',
        required: true,
    },
    { need: 'applicationsRead', path: (c) => `${c.environmentPath}/applications`, params: { limit: 1 }, affects: 'the applications sync', required: false },
    { need: 'environmentsList', path: () => '/v1/environments', params: { limit: 1 }, affects: 'the environments sync', required: false, only: 'pingone-cc' },
];

function who(integration: Integration): string {
    return integration === 'pingone-cc' ? 'the Worker app' : 'the signed-on admin';
}

function capitalized(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

async function readEnvironment(nango: NangoAction, context: PingOneContext, integration: Integration): Promise<void> {
    const result = await tryCall(nango, {
        method: 'GET',
        endpoint: context.environmentPath,
        idempotent: true,
        doing: 'read the environment',
        roles: 'identityRead',
    });
    if (result.ok) {
        return;
    }
    const others = TLDS.filter((tld) => tld !== context.tld).join(', ');
    if (result.failure.status === 404 || (result.failure.status === 403 && result.failure.details.length === 0)) {
        throw fail(nango, {
            ...describeFailure(result.failure, { doing: 'read the environment', roles: 'identityRead' }),
            code: 'environment_not_found',
            message: `PingOne has no environment ${context.environmentId} in region "${context.tld}" that ${who(integration)} can see.`,
            hint: `Check the Environment ID, and the region: the environment may be in another one (${others}).`,
        });
    }
    const payload = describeFailure(result.failure, { doing: 'read the environment', roles: 'identityRead' });
    throw fail(
        nango,
        result.failure.status === 403
            ? {
                  ...payload,
                  message: `${payload.message} A role granted for one population covers that population's users only, not the environment the syncs read: ${SCOPED_HINT}`,
              }
            : payload,
    );
}

const SCOPED_HINT = 'name them in the connection metadata `populationIds`, and the users sync reads those populations only.';

/**
 * A connection scoped to populations (metadata `populationIds`): each of them must be readable, which
 * is all the users sync needs; the syncs of the whole environment are not, and the log says so.
 */
async function checkPopulations(nango: NangoAction, context: PingOneContext, populationIds: readonly string[], integration: Integration): Promise<void> {
    for (const populationId of populationIds) {
        const doing = `read the users of population ${populationId}`;
        const result = await readPopulationUsers(nango, context, populationId, doing);
        if (!result.ok) throw fail(nango, describeFailure(result.failure, { doing, roles: 'identityRead' }));
    }
    await nango.log(
        `Scoped to ${populationIds.length} population(s) (metadata populationIds): ${who(integration)} reads their users, so the users sync and the actions on those users can run; the other syncs read the whole environment and need a role granted for it.`,
    );
}

/** A self-service connection: the token reads the signed-on user's own profile, which every self-service action needs. */
async function checkSelfService(nango: NangoAction, context: PingOneContext, subject: string | undefined): Promise<void> {
    await nango.log(
        `Self-service connection (an OIDC Web App): it can run the actions ${SELF_SERVICE_ACTIONS.join(', ')}; the syncs and the admin actions need an admin sign-on connection (a Worker app).`,
    );
    if (subject === undefined || !/^[0-9a-fA-F-]{36}$/.test(subject)) {
        throw fail(nango, { code: 'invalid_connection', message: 'The access token names no signed-on user, so no self-service action could run.' });
    }
    const result = await tryCall(nango, {
        method: 'GET',
        endpoint: `${context.environmentPath}/users/${subject}`,
        idempotent: true,
        doing: 'read your own profile',
        scope: 'p1:read:user',
    });
    if (!result.ok) {
        throw fail(nango, describeFailure(result.failure, { doing: 'read your own profile', scope: 'p1:read:user' }));
    }
}

export const validateConnection = defineOnEvent({
    name: 'validate-connection',
    description:
        'Checks a new connection and says its kind: for an admin connection, that the environment exists in the chosen region and the app holds the roles the syncs and actions need; for a self-service one, that the token reads the signed-on user.',
    event: 'validate-connection',
    exec: async (nango, integration) => {
        const context = await readPingOneContext(nango);
        const signedOn = await readSignedOn(nango);
        if (signedOn.kind === 'self-service') {
            await checkSelfService(nango, context, signedOn.subject);
            return;
        }
        await nango.log(
            `Admin connection (${who(integration) === 'the Worker app' ? 'a Worker app, client credentials' : 'a Worker app, admin sign-on'}): it can run the syncs and the admin actions${integration === 'pingone' ? `; the self-service actions (${SELF_SERVICE_ACTIONS.join(', ')}) need a self-service connection (an OIDC Web App)` : ''}.`,
        );
        const { populationIds } = await readMetadata(nango, PopulationScopeMetadata);
        if (populationIds !== undefined) {
            await checkPopulations(nango, context, populationIds, integration);
            return;
        }
        await readEnvironment(nango, context, integration);
        for (const probe of PROBES.filter((p) => p.only === undefined || p.only === integration)) {
            const result = await tryCall(nango, {
                method: 'GET',
                endpoint: probe.path(context),
                ...(probe.params ? { params: probe.params } : {}),
                idempotent: true,
                doing: 'check roles',
                roles: probe.need,
            });
            if (result.ok) {
                continue;
            }
            const roles = ROLES[probe.need].join(' or ');
            if (result.failure.status === 403 && !probe.required) {
                await nango.log(`${capitalized(who(integration))} lacks ${roles}: ${probe.affects} will fail until it is granted.`, { level: 'warn' });
                continue;
            }
            const payload = describeFailure(result.failure, { doing: `check roles for ${probe.affects}`, roles: probe.need });
            throw fail(
                nango,
                result.failure.status === 403
                    ? {
                          ...payload,
                          message: `${capitalized(who(integration))} holds no role that reads this environment's data (${probe.affects} need it): grant ${roles} for the environment, or, for roles granted for populations, ${SCOPED_HINT}`,
                      }
                    : payload,
            );
        }
    },
});
