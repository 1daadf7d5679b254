// The record models as platforms see them: a string `id`, every other field optional; and the
// mappers turn PingOne's `null` (or a missing or mistyped field) into an absent key, never `null`.
import { describe, expect, it } from 'vitest';
import * as z from 'zod';

import { toApplication, toAuditActivity, toGroup, toMfaDevice, toPopulation, toUser } from '../../connectors/shared/mappers.js';
import { MODELS, User } from '../../connectors/shared/models.js';

/** Fields that name the parent a record hangs off: always set by the mapper. */
const REQUIRED_BESIDES_ID: Record<string, string[]> = {
    GroupMembership: ['groupId', 'userId'],
    UserRoleAssignment: ['userId'],
    MfaDevice: ['userId'],
    UserGroup: ['groupId', 'userId'],
    GroupNesting: ['groupId', 'parentGroupId'],
    GroupRoleAssignment: ['groupId'],
    ApplicationRoleAssignment: ['applicationId'],
    LinkedAccount: ['userId'],
};

describe('models', () => {
    it.each(Object.entries(MODELS))('%s has a string id and optional fields', (name, model) => {
        const shape = model.shape as Record<string, z.ZodType>;
        expect(shape['id']).toBeInstanceOf(z.ZodString);
        const required = Object.entries(shape)
            .filter(([key, field]) => key !== 'id' && !field.safeParse(undefined).success)
            .map(([key]) => key);
        expect(required).toEqual(REQUIRED_BESIDES_ID[name] ?? []);
    });
});

const ID = '5d1b7e0a-9c4f-4e21-8a3b-2f6c7d8e9a01';

describe('mappers', () => {
    it('a user whose fields PingOne sends as null has those fields absent, nested ones included', () => {
        const user = toUser({
            id: ID,
            username: 'ada',
            email: null,
            name: { given: 'Ada', family: null },
            address: { locality: null },
            population: null,
            account: { status: 'OK', lockedAt: null },
            nickname: 42,
            customNull: null,
            favouriteColour: 'green',
            _links: { self: { href: 'x' } },
        });
        expect(user).toEqual({ id: ID, username: 'ada', name: { given: 'Ada' }, accountStatus: 'OK', customAttributes: { favouriteColour: 'green' } });
        expect(() => User.parse(user)).not.toThrow();
    });

    it.each([
        ['Group', toGroup],
        ['Population', toPopulation],
        ['Application', toApplication],
        ['AuditActivity', toAuditActivity],
    ] as const)('%s: an item of nulls maps to its id alone', (name, map) => {
        const record = map({ id: ID, name: null, description: null, createdAt: null, environment: null, population: null, resources: null });
        expect(record).toEqual({ id: ID });
        expect(() => MODELS[name].parse(record)).not.toThrow();
    });

    it('an MFA device keeps its user and drops nulls', () => {
        expect(toMfaDevice('u1', { id: ID, type: 'SMS', phone: null, nickname: null })).toEqual({ id: ID, userId: 'u1', type: 'SMS' });
    });

    it('an item without an id is refused, not saved under an empty key', () => {
        expect(() => toUser({ id: null, username: 'nobody' })).toThrow(/without an id/);
    });
});
