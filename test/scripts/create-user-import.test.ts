// create-user's import options (https://developer.pingidentity.com/pingone-api/platform/users/users-1/create-user-import.html):
// lifecycle status, verified email and a pre-encoded password, for both integrations; what the
// emulator holds afterwards is read with a plain GET; the hash never shows in the output or the logs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { INTEGRATION_CONNECTIONS, openScriptsWorld, workerApi, type ScriptsWorld } from './world.js';

let world: ScriptsWorld;
beforeAll(async () => {
    world = await openScriptsWorld();
});
afterAll(async () => world?.close());

const IMPORT = 'application/vnd.pingidentity.user.import+json';
/** The shape of a salted SHA-512 hash in LDAP userPassword syntax (not the hash of any real password). */
const ENCODED = `{SSHA512}${Buffer.alloc(72, 7).toString('base64')}`;

function api(method: string, path: string, body?: unknown, contentType?: string): Promise<{ status: number; body: Record<string, unknown> }> {
    return workerApi(world, method, path, body, contentType);
}

describe.each(INTEGRATION_CONNECTIONS)('$integration create-user import options', ({ connection }) => {
    it('lifecycleStatus and emailVerified reach the user, through the import content type', async () => {
        const report = await world.harness.runAction(connection, 'create-user', {
            username: `verify.${connection}`,
            email: `verify.${connection}@example.com`,
            lifecycleStatus: 'VERIFICATION_REQUIRED',
            suppressVerificationCode: true,
        });
        expect(report.status).toBe('success');
        const id = (report.output as { id: string }).id;
        const stored = (await api('GET', `/users/${id}`)).body;
        expect(stored['lifecycle']).toEqual({ status: 'VERIFICATION_REQUIRED' });
        expect(report.output).toMatchObject({ lifecycleStatus: 'VERIFICATION_REQUIRED' });

        const verified = await world.harness.runAction(connection, 'create-user', {
            username: `verified.${connection}`,
            email: `verified.${connection}@example.com`,
            emailVerified: true,
        });
        expect(verified.status).toBe('success');
        expect((await api('GET', `/users/${(verified.output as { id: string }).id}`)).body['emailVerified']).toBe(true);
    });

    it('a pre-encoded password is imported as it is, and never echoed or logged', async () => {
        const report = await world.harness.runAction(connection, 'create-user', {
            username: `migrated.${connection}`,
            email: `migrated.${connection}@example.com`,
            password: { encoded: ENCODED },
        });
        expect(report.status).toBe('success');
        expect(JSON.stringify(report)).not.toContain(ENCODED.slice(9, 40));
        expect(world.logs.join('\n')).not.toContain(ENCODED.slice(9, 40));
        const id = (report.output as { id: string }).id;
        expect((await api('GET', `/users/${id}/password`)).body['status']).toBe('OK');
        expect(world.emulator.admin.users.get(id)).toBeDefined();
    });

    it('refuses, before any request, a pre-encoded password with forceChange true or an unknown encoding, and a cleartext one given both ways', async () => {
        const before = world.emulator.admin.stats().requests;
        for (const password of [{ encoded: ENCODED, forceChange: true }, { encoded: '{MD5}abcdef' }, { value: 'Passw0rd!', encoded: ENCODED }]) {
            const report = await world.harness.runAction(connection, 'create-user', { username: `refused.${connection}`, password });
            expect(report.status).toBe('failed');
            expect((report.error as { code: string }).code, JSON.stringify(password)).toBe('invalid_input');
        }
        expect(world.emulator.admin.stats().requests).toBe(before);
    });
});

describe('the emulator takes only what the import page documents', () => {
    const population = () => ({ id: String(world.emulator.admin.directory().populations[0]!['id']) });

    it('refuses an undocumented encoding, forceChange with a pre-encoded password, and unknown lifecycle fields', async () => {
        const cases = [
            [{ password: { value: '{MD5}abcdef' } }, 'password.value'],
            [{ password: { value: ENCODED, forceChange: true } }, 'password.forceChange'],
            [{ lifecycle: { status: 'ACCOUNT_OK', verified: true } }, 'lifecycle'],
            [{ lifecycle: { status: 'LOCKED' } }, 'lifecycle.status'],
            [{ emailVerified: 'yes' }, 'emailVerified'],
        ] as const;
        for (const [fields, target] of cases) {
            const answer = await api(
                'POST',
                '/users',
                { username: `strict.${target}`, email: 'strict@example.com', population: population(), ...fields },
                IMPORT,
            );
            expect(answer.status, target).toBe(400);
            expect(answer.body['details'], target).toEqual([expect.objectContaining({ code: 'INVALID_VALUE', target })]);
        }
    });
});
