// An environment's user schema: core and standard attributes, and the custom ones the environment declares.
// A user may carry only declared attributes (https://developer.pingidentity.com/pingone-api/platform/schemas.html).
import { seededUuid } from '../random.js';
import type { Json } from './records.js';

export interface SchemaAttribute {
    name: string;
    displayName: string;
    type: 'STRING' | 'COMPLEX' | 'BOOLEAN' | 'JSON';
    schemaType: 'CORE' | 'STANDARD' | 'CUSTOM';
}

const core: Array<[string, SchemaAttribute['type']]> = [
    ['id', 'STRING'],
    ['username', 'STRING'],
    ['population', 'COMPLEX'],
    ['enabled', 'BOOLEAN'],
    ['lifecycle', 'COMPLEX'],
    ['account', 'COMPLEX'],
    ['identityProvider', 'COMPLEX'],
    ['mfaEnabled', 'BOOLEAN'],
    ['createdAt', 'STRING'],
    ['updatedAt', 'STRING'],
    ['lastSignOn', 'COMPLEX'],
    ['verifyStatus', 'STRING'],
    ['emailVerified', 'BOOLEAN'],
    ['environment', 'COMPLEX'],
];

const standard: Array<[string, SchemaAttribute['type']]> = [
    ['email', 'STRING'],
    ['name', 'COMPLEX'],
    ['nickname', 'STRING'],
    ['title', 'STRING'],
    ['type', 'STRING'],
    ['locale', 'STRING'],
    ['preferredLanguage', 'STRING'],
    ['timezone', 'STRING'],
    ['mobilePhone', 'STRING'],
    ['primaryPhone', 'STRING'],
    ['address', 'COMPLEX'],
    ['photo', 'COMPLEX'],
    ['externalId', 'STRING'],
    ['accountId', 'STRING'],
];

/** The custom attributes every seeded environment declares (its generated users carry them). */
const seededCustom: Array<[string, string]> = [
    ['department', 'Department'],
    ['employeeNumber', 'Employee number'],
];

function displayName(name: string): string {
    return name.charAt(0).toUpperCase() + name.slice(1).replace(/([A-Z])/g, ' $1');
}

export class UserSchema {
    readonly id: string;
    readonly attributes = new Map<string, SchemaAttribute & { id: string }>();

    constructor(readonly environmentId: string) {
        this.id = seededUuid(environmentId, 'schema:User');
        for (const [name, type] of core) this.add({ name, displayName: displayName(name), type, schemaType: 'CORE' });
        for (const [name, type] of standard) this.add({ name, displayName: displayName(name), type, schemaType: 'STANDARD' });
        for (const [name, label] of seededCustom) this.add({ name, displayName: label, type: 'STRING', schemaType: 'CUSTOM' });
    }

    add(attribute: SchemaAttribute): void {
        this.attributes.set(attribute.name, { ...attribute, id: seededUuid(this.id, `attribute:${attribute.name}`) });
    }

    declares(name: string): boolean {
        return this.attributes.has(name);
    }

    /** The schema as `GET /schemas/{id}` returns it (without `_links`). */
    body(): Json {
        return { id: this.id, name: 'User', description: 'The user schema of this environment.', environment: { id: this.environmentId } };
    }

    /** An attribute as `GET /schemas/{id}/attributes` returns it (without `_links`). */
    attributeBody(attribute: SchemaAttribute & { id: string }): Json {
        return {
            id: attribute.id,
            name: attribute.name,
            displayName: attribute.displayName,
            type: attribute.type,
            schemaType: attribute.schemaType,
            enabled: true,
            required: attribute.name === 'username',
            unique: attribute.name === 'username',
            multiValued: false,
            ldapAttribute: attribute.name,
            environment: { id: this.environmentId },
            schema: { id: this.id },
        };
    }
}
