import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { call } from './http.js';

describe('emulator: a 1,000,000-user tenant', () => {
    let emulator: TestEmulator;
    let token: string;
    beforeAll(async () => {
        emulator = await startTestEmulator({ users: 1_000_000 });
        token = await emulator.workerToken();
    });
    afterAll(() => emulator.close());

    const users = () => `/v1/environments/${emulator.environmentId}/users`;

    it('counts every user and pages from the start without holding them', async () => {
        const page = await call(emulator, 'GET', `${users()}?limit=200`, { token });
        expect(page.body.count).toBe(1_000_001);
        expect(page.body.size).toBe(200);
        expect(page.body._links.next).toBeDefined();
    });

    it('reads, finds and changes a user near the end by the id and username it was generated with', async () => {
        const last = emulator.admin.users.at(999_999) as { id: string; username: string };
        const one = await call(emulator, 'GET', `${users()}/${last.id}`, { token });
        expect(one.body.username).toBe(last.username);
        const byName = await call(emulator, 'GET', `${users()}?filter=${encodeURIComponent(`username eq "${last.username}"`)}`, { token });
        expect(byName.body._embedded.users.map((user: { id: string }) => user.id)).toEqual([last.id]);
        expect(byName.body._links.next).toBeUndefined();
        const patched = await call(emulator, 'PATCH', `${users()}/${last.id}`, { token, json: { title: 'Last' } });
        expect(patched.body.title).toBe('Last');
        // An id that ends like a generated one but was never generated is not found.
        const forged = `${last.id.slice(0, 9)}ffff${last.id.slice(13)}`;
        expect((await call(emulator, 'GET', `${users()}/${forged}`, { token })).status).toBe(404);
    });
});
