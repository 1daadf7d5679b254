// Runs when a connection is created: the token works (any call needs one), the environment exists
// in that region, and the app can do what the scripts need. A failure says what to fix; a missing
// optional role is logged with the scripts it affects.
import type { NangoAction } from 'nango';

import { readPingOneContext, type PingOneContext } from '../connection.js';
import { defineOnEvent, type Integration } from '../define.js';
import { describeFailure, fail } from '../errors.js';
import { tryCall } from '../http.js';
import { ROLES, TLDS, type RoleNeed } from '../pingone.js';

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
    throw fail(nango, describeFailure(result.failure, { doing: 'read the environment', roles: 'identityRead' }));
}

export const validateConnection = defineOnEvent({
    name: 'validate-connection',
    description:
        'Checks a new connection: a token is issued, the environment exists in the chosen region, and the app holds the roles the syncs and actions need.',
    event: 'validate-connection',
    exec: async (nango, integration) => {
        const context = await readPingOneContext(nango);
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
                          message: `${capitalized(who(integration))} holds no role that reads this environment's data (${probe.affects} need it): grant ${roles} in this environment.`,
                      }
                    : payload,
            );
        }
    },
});
