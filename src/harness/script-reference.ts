import * as z from 'zod';
import { ACTION_ERRORS, CATALOG, exportName, INTEGRATIONS, type CatalogEntry } from '../../connectors/shared/catalog.js';
import { grantedWhere, ROLES, type RoleNeed } from '../../connectors/shared/pingone.js';

// What a user of the package's syncs and actions needs to call them, read from the catalogue and
// the scripts' own zod schemas: the CLI's `sync|action <name> --help` and `--example`, and the
// generated docs/scripts.md. Nothing here is written twice: a field's type, whether it is required
// and its description come from the schema the harness validates against.

export interface FieldRow {
    /** Dotted for nested objects (`address.locality`), `[]` for array items (`users[].id`). */
    path: string;
    type: string;
    required: boolean;
    description: string;
}

interface ScriptReferenceBase {
    name: string;
    description: string;
    integrations: string[];
    /** One line per need, each "A or B in this environment": every line must be met. */
    roles: string[];
}

export interface SyncReference extends ScriptReferenceBase {
    kind: 'sync';
    frequency: string;
    changes: string;
    models: Array<{ name: string; fields: FieldRow[] }>;
    /** The connection metadata fields it reads (`connections metadata <c> --set`), all optional. */
    metadata: FieldRow[];
}

export interface ActionReference extends ScriptReferenceBase {
    kind: 'action';
    input: FieldRow[];
    output: FieldRow[];
    errors: string[];
    /** An input the schema accepts: the required fields, with placeholder values. */
    example: unknown;
}

export interface SharedSync {
    description: string;
    frequency: string;
    roles: readonly RoleNeed[];
    models: Record<string, z.ZodType>;
    metadata: z.ZodObject;
}

interface SharedAction {
    description: string;
    roles: readonly RoleNeed[];
    /** A self-service action: the p1:* scopes the signed-on user's token needs, in place of roles. */
    selfService?: { scopes: readonly string[] };
    input: z.ZodType;
    output: z.ZodType;
}

type JsonSchema = {
    type?: string | string[];
    properties?: Record<string, JsonSchema>;
    required?: string[];
    items?: JsonSchema;
    enum?: unknown[];
    const?: unknown;
    anyOf?: JsonSchema[];
    description?: string;
    format?: string;
    minLength?: number;
    minimum?: number;
    minItems?: number;
    examples?: unknown[];
};

// From the sources (tsx, vitest) the shared scripts are TypeScript; in the build (dist/) they are JavaScript, like this file.
const scriptExtension = import.meta.url.endsWith('.ts') ? 'ts' : 'js';

export async function sharedModule<T>(entry: CatalogEntry): Promise<T> {
    const file = new URL(`../../connectors/shared/${entry.kind}/${entry.name}.${scriptExtension}`, import.meta.url);
    const module = (await import(file.href)) as Record<string, T>;
    const shared = module[exportName(entry.name)];
    if (shared === undefined) throw new Error(`connectors/shared/${entry.kind}/${entry.name}.ts exports no ${exportName(entry.name)}`);
    return shared;
}

function integrationsOf(entry: CatalogEntry): string[] {
    return INTEGRATIONS.filter((integration) => entry.only === undefined || entry.only === integration);
}

function roleLines(needs: readonly RoleNeed[]): string[] {
    const lines = needs.map((need) => (ROLES[need].length === 0 ? 'any valid token' : `${ROLES[need].join(' or ')} ${grantedWhere(need)}`));
    return [...new Set(lines)];
}

function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
    return z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
}

function typeOf(schema: JsonSchema): string {
    if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
    if (schema.const !== undefined) return JSON.stringify(schema.const);
    if (schema.anyOf) return schema.anyOf.map(typeOf).join(' | ');
    if (schema.type === 'array') return `${schema.items ? typeOf(schema.items) : 'any'}[]`;
    const type = Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? 'any');
    return schema.format ? `${type} (${schema.format})` : type;
}

/** The rows of an object schema's fields, nested objects and arrays of objects flattened under their parent. */
export function fieldRows(schema: JsonSchema, prefix = ''): FieldRow[] {
    const rows: FieldRow[] = [];
    const required = (name: string) => schema.required?.includes(name) ?? false;
    // Required fields first: they are the ones a caller must give.
    const fields = Object.entries(schema.properties ?? {}).sort(([a], [b]) => Number(required(b)) - Number(required(a)));
    for (const [name, field] of fields) {
        const path = `${prefix}${name}`;
        rows.push({ path, type: typeOf(field), required: required(name), description: field.description ?? '' });
        if (field.type === 'object') rows.push(...fieldRows(field, `${path}.`));
        if (field.type === 'array' && field.items?.type === 'object') rows.push(...fieldRows(field.items, `${path}[].`));
    }
    return rows;
}

/** A value the schema accepts, with only the required fields of objects. */
export function exampleOf(schema: JsonSchema, name = ''): unknown {
    if (schema.examples?.[0] !== undefined) return schema.examples[0];
    if (schema.const !== undefined) return schema.const;
    if (schema.enum) return schema.enum[0];
    if (schema.anyOf?.[0]) return exampleOf(schema.anyOf[0], name);
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    switch (type) {
        case 'object':
            return Object.fromEntries((schema.required ?? []).map((key) => [key, exampleOf(schema.properties?.[key] ?? {}, key)]));
        case 'array':
            // As many items as the schema asks for at least (none when it asks for none).
            return Array.from({ length: schema.minItems ?? 0 }, () => exampleOf(schema.items ?? {}, name));
        case 'boolean':
            return true;
        case 'integer':
        case 'number':
            return Math.max(schema.minimum ?? 1, 1);
        default:
            return exampleText(schema, name);
    }
}

function exampleText(schema: JsonSchema, name: string): string {
    if (schema.format === 'email' || /email/i.test(name)) return 'ada.lovelace@example.com';
    if (schema.format === 'date-time') return '2026-01-01T00:00:00Z';
    // PingOne IDs are UUIDs; the scripts check the shape before building a path from one.
    if (schema.format === 'uuid' || /ids?$/i.test(name)) return '00000000-0000-4000-8000-000000000000';
    if (/password|value/i.test(name)) return 'Change-me-2026!';
    if (/filter/i.test(name)) return 'username sw "ada"';
    if (/username/i.test(name)) return 'ada.lovelace';
    return /name/i.test(name) ? 'Example' : 'example';
}

export async function syncReference(entry: CatalogEntry): Promise<SyncReference> {
    const sync = await sharedModule<SharedSync>(entry);
    return {
        kind: 'sync',
        name: entry.name,
        description: sync.description,
        integrations: integrationsOf(entry),
        roles: roleLines(sync.roles),
        frequency: sync.frequency,
        changes: entry.changes ?? '',
        models: Object.entries(sync.models).map(([name, model]) => ({ name, fields: fieldRows(jsonSchemaOf(model, 'output')) })),
        metadata: fieldRows(jsonSchemaOf(sync.metadata, 'input')),
    };
}

export async function actionReference(entry: CatalogEntry): Promise<ActionReference> {
    const action = await sharedModule<SharedAction>(entry);
    const input = jsonSchemaOf(action.input, 'input');
    return {
        kind: 'action',
        name: entry.name,
        description: action.description,
        integrations: integrationsOf(entry),
        roles: action.selfService
            ? [`none: self-service, the signed-on user's token needs ${action.selfService.scopes.join(' and ')}`]
            : roleLines(action.roles),
        input: fieldRows(input),
        output: fieldRows(jsonSchemaOf(action.output, 'output')),
        errors: [...(entry.errors ?? []), ...ACTION_ERRORS],
        example: exampleOf(input),
    };
}

/** The package's syncs or actions, by name, in catalogue order. */
export function catalogNames(kind: 'syncs' | 'actions'): string[] {
    return CATALOG.filter((entry) => entry.kind === kind).map((entry) => entry.name);
}

/** The catalogue entry of a package sync or action, or undefined when the package has none of that name. */
export function catalogEntry(kind: 'syncs' | 'actions', name: string): CatalogEntry | undefined {
    return CATALOG.find((entry) => entry.kind === kind && entry.name === name);
}

export async function allReferences(): Promise<{ syncs: SyncReference[]; actions: ActionReference[] }> {
    const syncs = await Promise.all(CATALOG.filter((entry) => entry.kind === 'syncs').map(syncReference));
    const actions = await Promise.all(CATALOG.filter((entry) => entry.kind === 'actions').map(actionReference));
    return { syncs, actions };
}
