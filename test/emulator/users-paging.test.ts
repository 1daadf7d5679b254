import { describe, expect, it } from 'vitest';
import { emulatorForFile } from './fixture.js';
import { call, collectPages } from './http.js';

describe('emulator: user paging', () => {
    const fixture = emulatorForFile({ users: 450 });

    const users = () => `/v1/environments/${fixture.emulator.environmentId}/users`;

    it('walks every user by following next links to a last page without one', async () => {
        const { items, sizes } = await collectPages(fixture.emulator, `${users()}?limit=100`, 'users', fixture.token);
        expect(items).toHaveLength(451); // 450 generated + the seeded sign-on admin
        expect(new Set(items.map((user) => user.id)).size).toBe(451);
        expect(sizes).toEqual([100, 100, 100, 100, 51]);
    });

    it('serves at most 200 users a page whatever limit asks for, with count and size', async () => {
        const page = await call(fixture.emulator, 'GET', `${users()}?limit=1000`, { token: fixture.token });
        expect(page.status).toBe(200);
        expect(page.body.size).toBe(200);
        expect(page.body._embedded.users).toHaveLength(200);
        expect(page.body.count).toBe(451);
        expect(page.body._links.next.href).toContain('cursor=');
    });

    it('sends a page larger than one written part as one JSON document of the length it states, multi-byte text included', async () => {
        // 200 users are several parts of 64 K characters (JsonText); a title that is not ASCII makes bytes and characters differ.
        fixture.emulator.admin.users.update(String(fixture.emulator.admin.users.at(150)?.id), { title: 'Ingénieure 日本' });
        const page = await call(fixture.emulator, 'GET', `${users()}?limit=200`, { token: fixture.token });
        expect(page.text.length).toBeGreaterThan(2 * 64 * 1024);
        expect(Number(page.headers['content-length'])).toBe(Buffer.byteLength(page.text, 'utf8'));
        expect(page.body._embedded.users).toHaveLength(200);
        expect(page.body._embedded.users.map((user: { title?: string }) => user.title)).toContain('Ingénieure 日本');
        expect(page.body.size).toBe(200);
    });

    it('refuses a limit above the documented maximum and a forged cursor', async () => {
        const big = await call(fixture.emulator, 'GET', `${users()}?limit=5000`, { token: fixture.token });
        expect(big.status).toBe(400);
        expect(big.body.details[0].code).toBe('OUT_OF_RANGE');
        const forged = await call(fixture.emulator, 'GET', `${users()}?cursor=not-a-cursor`, { token: fixture.token });
        expect(forged.status).toBe(400);
        expect(forged.body.details[0].target).toBe('cursor');
    });

    it('builds links from x-forwarded-host so the harness sees PingOne URLs', async () => {
        const page = await call(fixture.emulator, 'GET', `${users()}?limit=10`, {
            token: fixture.token,
            headers: { 'x-forwarded-host': 'api.pingone.com', 'x-forwarded-proto': 'https' },
        });
        expect(page.body._links.self.href).toBe(`https://api.pingone.com/v1/environments/${fixture.emulator.environmentId}/users?limit=10`);
        expect(page.body._links.next.href.startsWith(`https://api.pingone.com/v1/environments/${fixture.emulator.environmentId}/users?`)).toBe(true);
        expect(page.body._embedded.users[0]._links.self.href.startsWith('https://api.pingone.com/v1/')).toBe(true);
    });

    it('lists each user exactly as a single read shows it, key order included (the list is built from text, the read from objects)', async () => {
        fixture.emulator.admin.users.update(String(fixture.emulator.admin.users.at(3)?.id), { title: 'Changed "in" place' });
        const page = await call(fixture.emulator, 'GET', `${users()}?limit=120`, {
            token: fixture.token,
            headers: { 'x-forwarded-host': 'api.pingone.com', 'x-forwarded-proto': 'https' },
        });
        for (const listed of page.body._embedded.users) {
            const one = await call(fixture.emulator, 'GET', `${users()}/${listed.id}`, {
                token: fixture.token,
                headers: { 'x-forwarded-host': 'api.pingone.com', 'x-forwarded-proto': 'https' },
            });
            expect(JSON.stringify(listed)).toBe(one.text);
        }
        expect(page.body._embedded.users[3].title).toBe('Changed "in" place');
    });

    it('reads one user by the id the list gave, with realistic attributes', async () => {
        const page = await call(fixture.emulator, 'GET', `${users()}?limit=5`, { token: fixture.token });
        const first = page.body._embedded.users[0];
        const one = await call(fixture.emulator, 'GET', `${users()}/${first.id}`, { token: fixture.token });
        expect(one.status).toBe(200);
        expect(one.body).toMatchObject({
            id: first.id,
            username: first.username,
            email: expect.stringContaining('@'),
            name: { given: expect.any(String), family: expect.any(String) },
        });
        expect(one.body.population.id).toMatch(/^[0-9a-f-]{36}$/);
    });
});
