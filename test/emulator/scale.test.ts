import { describe, expect, it } from 'vitest';
import { emulatorForFile } from './fixture.js';
import { call } from './http.js';

describe('emulator: a 1,000,000-user tenant', () => {
    const fixture = emulatorForFile({ users: 1_000_000 });

    const users = () => `/v1/environments/${fixture.emulator.environmentId}/users`;

    it('counts every user and pages from the start without holding them', async () => {
        const page = await call(fixture.emulator, 'GET', `${users()}?limit=200`, { token: fixture.token });
        expect(page.body.count).toBe(1_000_001);
        expect(page.body.size).toBe(200);
        expect(page.body._links.next).toBeDefined();
    });

    it('reads, finds and changes a user near the end by the id and username it was generated with', async () => {
        const last = fixture.emulator.admin.users.at(999_999) as { id: string; username: string };
        const one = await call(fixture.emulator, 'GET', `${users()}/${last.id}`, { token: fixture.token });
        expect(one.body.username).toBe(last.username);
        const byName = await call(fixture.emulator, 'GET', `${users()}?filter=${encodeURIComponent(`username eq "${last.username}"`)}`, {
            token: fixture.token,
        });
        expect(byName.body._embedded.users.map((user: { id: string }) => user.id)).toEqual([last.id]);
        expect(byName.body._links.next).toBeUndefined();
        const patched = await call(fixture.emulator, 'PATCH', `${users()}/${last.id}`, { token: fixture.token, json: { title: 'Last' } });
        expect(patched.body.title).toBe('Last');
        // An id that ends like a generated one but was never generated is not found.
        const forged = `${last.id.slice(0, 9)}ffff${last.id.slice(13)}`;
        expect((await call(fixture.emulator, 'GET', `${users()}/${forged}`, { token: fixture.token })).status).toBe(404);
    });
});
