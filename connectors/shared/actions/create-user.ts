import * as z from 'zod';

import { idSegment, readPingOneContext, type PingOneContext } from '../connection.js';
import { defineAction } from '../define.js';
import { describeFailure, fail, type PingOneFailure } from '../errors.js';
import { tryCall, type ProxyNango } from '../http.js';
import { declaredOnly, IdInput, PasswordInput, UserAttributes, Username } from '../inputs.js';
import { toPopulation, toUser, type Raw } from '../mappers.js';
import { User } from '../models.js';
import { allItems } from '../paging.js';
import { CONTENT_TYPES } from '../pingone.js';

const CreateUserInput = UserAttributes.extend({
    username: Username,
    populationId: IdInput.optional().describe("Defaults to the environment's default population."),
    password: z
        .strictObject({
            value: PasswordInput,
            forceChange: z.boolean().optional().describe('Make the user choose a new password at the next sign-on.'),
        })
        .optional()
        .describe("An initial password, set through PingOne's user import; never logged or returned."),
});

/** The import content type needs a population: the default one unless the caller chose. */
async function defaultPopulationId(nango: ProxyNango, context: PingOneContext): Promise<string> {
    const populations = (
        await allItems<Raw>(nango, context, {
            path: `${context.environmentPath}/populations`,
            embedded: 'populations',
            doing: 'find the default population',
            roles: 'identityRead',
        })
    ).map(toPopulation);
    const chosen = populations.find((population) => population.isDefault) ?? populations[0];
    if (!chosen) {
        throw fail(nango, { code: 'invalid_request', message: 'The environment has no population to put the user in; create one first.' });
    }
    return chosen.id;
}

function alreadyExists(nango: ProxyNango, failure: PingOneFailure, username: string): Error | undefined {
    const detail = failure.details.find((d) => d.code === 'UNIQUENESS_VIOLATION');
    if (!detail) {
        return undefined;
    }
    const base = describeFailure(failure, { doing: 'create the user', roles: 'identityWrite' });
    return fail(nango, {
        ...base,
        code: 'user_exists',
        message: `A user with this ${detail.target ?? 'username'} already exists${detail.existingId ? ` (ID ${detail.existingId})` : ''}: "${username}" is taken.`,
        ...(detail.existingId ? { existingId: detail.existingId } : {}),
    });
}

export const createUser = defineAction({
    name: 'create-user',
    description: "Creates a user, optionally with an initial password. A taken username fails with `user_exists` and the existing user's ID.",
    roles: ['identityWrite'],
    input: CreateUserInput,
    output: User,
    exec: async (nango, input) => {
        const context = await readPingOneContext(nango);
        const { populationId, password, ...attributes } = declaredOnly(CreateUserInput, input);
        const population = populationId ? idSegment(nango, populationId, 'populationId') : password ? await defaultPopulationId(nango, context) : undefined;
        const body = {
            ...attributes,
            ...(population ? { population: { id: population } } : {}),
            ...(password ? { password: { value: password.value, forceChange: password.forceChange ?? false } } : {}),
        };
        const result = await tryCall<Raw>(nango, {
            method: 'POST',
            endpoint: `${context.environmentPath}/users`,
            data: body,
            ...(password ? { contentType: CONTENT_TYPES.userImport } : {}),
            idempotent: false,
            ifUnsure: 'Run list-users with the filter `username eq "<username>"` to see whether the user was created',
            doing: 'create the user',
            roles: 'identityWrite',
        });
        if (!result.ok) {
            throw (
                alreadyExists(nango, result.failure, input.username) ??
                fail(nango, describeFailure(result.failure, { doing: 'create the user', roles: 'identityWrite' }))
            );
        }
        return toUser(result.data);
    },
});
