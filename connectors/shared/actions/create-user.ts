import * as z from 'zod';

import { idSegment, readPingOneContext, type PingOneContext } from '../connection.js';
import { defineAction } from '../define.js';
import { describeFailure, fail, type PingOneFailure } from '../errors.js';
import { tryCall, type ProxyNango } from '../http.js';
import { checkedCustomAttributes } from '../custom-attributes.js';
import { CustomAttributes, declaredOnly, IdInput, PasswordInput, UserAttributes, Username } from '../inputs.js';
import { toPopulation, toUser, type Raw } from '../mappers.js';
import { User } from '../models.js';
import { allItems } from '../paging.js';
import { CONTENT_TYPES } from '../pingone.js';

/**
 * PingOne's password encodings for a pre-encoded password, the `{SCHEME}` prefix of its value
 * (https://developer.pingidentity.com/pingone-api/platform/reference/password-encoding.html).
 */
const ENCODED_PASSWORD = /^\{(PBKDF2|ARGON2|MSKCC_PBKDF2|SCRYPT|SCRYPT_RFC7914|BCRYPT|SSHA|SSHA256|SSHA384|SSHA512)\}\S+$/;

const CreateUserInput = UserAttributes.extend({
    username: Username,
    populationId: IdInput.optional().describe("Defaults to the environment's default population."),
    password: z
        .strictObject({
            value: PasswordInput.optional().describe('A cleartext password.'),
            encoded: z
                .string()
                .max(4096)
                .regex(
                    ENCODED_PASSWORD,
                    'Expected a pre-encoded password: {PBKDF2}, {ARGON2}, {MSKCC_PBKDF2}, {SCRYPT}, {SCRYPT_RFC7914}, {BCRYPT} or {SSHA…} then the encoding',
                )
                .optional()
                .describe('Instead of value: a password hash migrated from another directory, in LDAP userPassword syntax, e.g. "{SSHA512}…".'),
            forceChange: z.boolean().optional().describe('Make the user choose a new password at the next sign-on (cleartext value only).'),
        })
        // PingOne imports a pre-encoded password with forceChange false only (the import page).
        .refine((password) => (password.value === undefined) !== (password.encoded === undefined), 'give exactly one of value and encoded')
        .refine((password) => !(password.encoded !== undefined && password.forceChange === true), 'forceChange cannot be true with an encoded password')
        .optional()
        .describe("An initial password, set through PingOne's user import; never logged or returned."),
    lifecycleStatus: z
        .enum(['ACCOUNT_OK', 'VERIFICATION_REQUIRED'])
        .optional()
        .describe('VERIFICATION_REQUIRED makes the user verify their email before signing on (PingOne sends a code unless suppressVerificationCode).'),
    suppressVerificationCode: z.boolean().optional().describe('With VERIFICATION_REQUIRED: send no verification code now.'),
    emailVerified: z.boolean().optional().describe('Import the user with their email already verified.'),
    customAttributes: CustomAttributes.optional(),
}).strict();

type CreateUserInput = z.infer<typeof CreateUserInput>;

/**
 * The import operation's own fields (https://developer.pingidentity.com/pingone-api/platform/users/users-1/create-user-import.html):
 * the password (cleartext or pre-encoded, in one `value`), the lifecycle and emailVerified.
 */
function importFields(
    input: Pick<CreateUserInput, 'password' | 'lifecycleStatus' | 'suppressVerificationCode' | 'emailVerified'>,
): Record<string, unknown> | undefined {
    const { password, lifecycleStatus, suppressVerificationCode, emailVerified } = input;
    if (password === undefined && lifecycleStatus === undefined && suppressVerificationCode === undefined && emailVerified === undefined) {
        return undefined;
    }
    return {
        ...(password ? { password: { value: password.encoded ?? password.value, forceChange: password.forceChange ?? false } } : {}),
        ...(lifecycleStatus || suppressVerificationCode !== undefined
            ? { lifecycle: { status: lifecycleStatus ?? 'ACCOUNT_OK', ...(suppressVerificationCode !== undefined ? { suppressVerificationCode } : {}) } }
            : {}),
        ...(emailVerified !== undefined ? { emailVerified } : {}),
    };
}

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
    description:
        "Creates a user, optionally with an initial password (cleartext or a pre-encoded hash), a lifecycle status and a verified email, through PingOne's user import. A taken username fails with `user_exists` and the existing user's ID.",
    roles: ['identityWrite'],
    input: CreateUserInput,
    output: User,
    exec: async (nango, input) => {
        const context = await readPingOneContext(nango);
        const { populationId, password, lifecycleStatus, suppressVerificationCode, emailVerified, customAttributes, ...attributes } = declaredOnly(
            CreateUserInput,
            input,
        );
        const custom = await checkedCustomAttributes(nango, context, customAttributes, Object.keys(UserAttributes.shape));
        const imported = importFields({ password, lifecycleStatus, suppressVerificationCode, emailVerified });
        const population = populationId ? idSegment(nango, populationId, 'populationId') : imported ? await defaultPopulationId(nango, context) : undefined;
        const body = { ...attributes, ...custom, ...(population ? { population: { id: population } } : {}), ...imported };
        const result = await tryCall<Raw>(nango, {
            method: 'POST',
            endpoint: `${context.environmentPath}/users`,
            data: body,
            ...(imported ? { contentType: CONTENT_TYPES.userImport } : {}),
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
