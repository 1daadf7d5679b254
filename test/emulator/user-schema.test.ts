// The environment's user schema decides which attributes a user may carry; `enabled` is read-only on create.
import { describe, expect, it } from 'vitest';
import { emulatorForFile } from './fixture.js';
import { call } from './http.js';

const fixture = emulatorForFile({ users: 5, seed: 'user-schema' });
const env = () => `/v1/environments/${fixture.emulator.environmentId}`;

describe('user schema', () => {
    it('serves the User schema and its standard and custom attributes', async () => {
        const schemas = await call(fixture.emulator, 'GET', `${env()}/schemas`, { token: fixture.token });
        expect(schemas.status).toBe(200);
        const schema = schemas.body._embedded.schemas[0];
        expect(schema).toMatchObject({ name: 'User', environment: { id: fixture.emulator.environmentId } });
        const attributes = await call(fixture.emulator, 'GET', `${env()}/schemas/${String(schema.id)}/attributes`, { token: fixture.token });
        expect(attributes.status).toBe(200);
        const byName = Object.fromEntries(
            (attributes.body._embedded.attributes as Array<{ name: string; schemaType: string }>).map((a) => [a.name, a.schemaType]),
        );
        expect(byName).toMatchObject({ username: 'CORE', title: 'STANDARD', department: 'CUSTOM' });
    });

    it('refuses an undeclared attribute with 400 INVALID_DATA naming it, and stores nothing', async () => {
        const user = fixture.emulator.admin.users.at(0);
        const typo = await call(fixture.emulator, 'PATCH', `${env()}/users/${String(user?.id)}`, { token: fixture.token, json: { titel: 'x' } });
        expect(typo.status).toBe(400);
        expect(typo.body).toMatchObject({ code: 'INVALID_DATA', details: [{ code: 'INVALID_VALUE', target: 'titel' }] });
        expect(fixture.emulator.admin.users.get(String(user?.id))).not.toHaveProperty('titel');
        const declared = await call(fixture.emulator, 'PATCH', `${env()}/users/${String(user?.id)}`, {
            token: fixture.token,
            json: { department: 'Research' },
        });
        expect(declared.status).toBe(200);
        expect(declared.body.department).toBe('Research');
    });

    it('refuses enabled on create', async () => {
        const created = await call(fixture.emulator, 'POST', `${env()}/users`, {
            token: fixture.token,
            json: { username: 'schema.enabled', email: 'schema.enabled@example.com', enabled: false },
        });
        expect(created.status).toBe(400);
        expect(created.body.details[0]).toMatchObject({ target: 'enabled' });
    });
});
