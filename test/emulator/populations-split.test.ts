// `populations`: a tenant spread over more populations, and the users filter by population, which a
// scan split by population reads one cursor per population: together the populations hold every user once.
import { afterAll, beforeAll, expect, it } from 'vitest';

import { startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { collectPages } from './http.js';

let emulator: TestEmulator;
let token: string;
beforeAll(async () => {
    emulator = await startTestEmulator({ users: 250, populations: 8 });
    token = await emulator.workerToken();
});
afterAll(async () => emulator?.close());

it('holds the populations asked for, and each user is listed under exactly one of them', async () => {
    const populations = emulator.admin.directory().populations.map((population) => String(population['id']));
    expect(populations).toHaveLength(8);
    const usersUrl = `${emulator.url}/v1/environments/${emulator.environmentId}/users`;
    const seen: string[] = [];
    for (const population of populations) {
        const filter = encodeURIComponent(`population.id eq "${population}"`);
        const { items } = await collectPages(emulator, `${usersUrl}?limit=20&filter=${filter}`, 'users', token);
        expect(items.length).toBeGreaterThan(0);
        for (const user of items) expect(user.population.id).toBe(population);
        seen.push(...items.map((user) => String(user.id)));
    }
    const { items: all } = await collectPages(emulator, `${usersUrl}?limit=200`, 'users', token);
    expect(seen.sort()).toEqual(all.map((user) => String(user.id)).sort());
});

it('refuses a count of populations outside 4 to 64', async () => {
    await expect(startTestEmulator({ populations: 3 })).rejects.toThrow(/populations must be a whole number from 4 to 64/);
});
