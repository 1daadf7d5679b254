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

it('lists a population with the same bodies as the unfiltered list, a changed user, a moved one and a new one included', async () => {
    const populations = emulator.admin.directory().populations.map((population) => String(population['id']));
    const [first, second] = populations as [string, string];
    const changed = emulator.admin.users.at(3) as { id: string };
    emulator.admin.users.update(changed.id, { title: 'Changed after seeding' });
    const moved = emulator.admin.users.at(4) as { id: string };
    emulator.admin.users.update(moved.id, { population: { id: second } });
    emulator.admin.users.create({ username: 'made.after.seeding', population: { id: first } });
    const usersUrl = `${emulator.url}/v1/environments/${emulator.environmentId}/users`;
    const { items: all } = await collectPages(emulator, `${usersUrl}?limit=200`, 'users', token);
    const byPopulation = [];
    for (const population of populations) {
        const filter = encodeURIComponent(`population.id eq "${population}"`);
        byPopulation.push(...(await collectPages(emulator, `${usersUrl}?limit=20&filter=${filter}`, 'users', token)).items);
    }
    const byId = (users: Array<{ id: unknown }>) => new Map(users.map((user) => [String(user.id), user]));
    expect(byId(byPopulation)).toEqual(byId(all));
    expect(byId(byPopulation).get(changed.id)).toMatchObject({ title: 'Changed after seeding' });
    expect(byId(byPopulation).get(moved.id)).toMatchObject({ population: { id: second } });
});
