// The floor: the least a client can do to read every user: one token, then GET each page and
// follow `_links.next.href`, parsing only what it needs to. No validation, no storage.
import { Agent, request } from 'undici';
import type { EmulatorProcess } from './emulator-process.js';

interface UsersPage {
    _embedded?: { users?: unknown[] };
    _links?: { next?: { href?: string } };
}

export async function workerToken(emulator: Pick<EmulatorProcess, 'url' | 'environmentId' | 'worker'>, dispatcher?: Agent): Promise<string> {
    const response = await request(`${emulator.url}/${emulator.environmentId}/as/token`, {
        method: 'POST',
        // The seeded Worker app uses Client Secret Post: the secret goes in the form body.
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
            grant_type: 'client_credentials',
            client_id: emulator.worker.clientId,
            client_secret: emulator.worker.clientSecret,
        }).toString(),
        ...(dispatcher ? { dispatcher } : {}),
    });
    const body = (await response.body.json()) as { access_token?: string };
    if (response.statusCode !== 200 || typeof body.access_token !== 'string')
        throw new Error(`The emulator refused the floor's token request (${response.statusCode}).`);
    return body.access_token;
}

/** Walks every users page of the emulator at the same page size the `users` sync asks for; returns the users seen. */
export async function floorWalk(emulator: Pick<EmulatorProcess, 'url' | 'environmentId' | 'worker'>, pageSize: number): Promise<number> {
    const agent = new Agent();
    try {
        const authorization = `Bearer ${await workerToken(emulator, agent)}`;
        let next: string | undefined = `${emulator.url}/v1/environments/${emulator.environmentId}/users?limit=${pageSize}`;
        let users = 0;
        while (next !== undefined) {
            const response = await request(next, { headers: { authorization }, dispatcher: agent });
            const page = (await response.body.json()) as UsersPage;
            if (response.statusCode !== 200) throw new Error(`The floor loop got ${response.statusCode} from ${next}.`);
            users += page._embedded?.users?.length ?? 0;
            next = page._links?.next?.href;
        }
        return users;
    } finally {
        await agent.close();
    }
}
