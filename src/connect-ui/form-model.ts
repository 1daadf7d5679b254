import type { Connector, JsonSchema } from '../connector/connector.js';

// The form is derived from the connector's compiled schemas and nothing else: adding a field to a
// provider's schema adds it to the page. This module runs on the server and in the browser bundle.

export type FieldGroup = 'connectionConfig' | 'credentials';

export interface FieldOption {
    value: string;
    label: string;
}

export interface FormField {
    key: string;
    group: FieldGroup;
    title: string;
    description: string;
    example: string | undefined;
    /** The schema's `default`: the control starts with it. */
    defaultValue: string | undefined;
    /** Present for enum fields: shown as a select, in the schema's order. */
    options: FieldOption[] | undefined;
    secret: boolean;
    required: boolean;
    /** The guide section that explains where to find the value. */
    helpUrl: string | undefined;
    /** The property's own schema: what the validator checks. */
    schema: JsonSchema;
}

export interface FormModel {
    providerKey: string;
    displayName: string;
    authMode: Connector['authMode'];
    guideUrl: string;
    fields: FormField[];
}

function text(value: unknown): string | undefined {
    return typeof value === 'string' && value !== '' ? value : undefined;
}

function exampleOf(schema: JsonSchema): string | undefined {
    const examples = schema['examples'];
    if (Array.isArray(examples) && typeof examples[0] === 'string') return examples[0];
    return text(schema['example']);
}

function orderOf(schema: JsonSchema): number | undefined {
    const order = schema['order'] ?? schema['x-order'];
    return typeof order === 'number' ? order : undefined;
}

function docSectionOf(schema: JsonSchema): string | undefined {
    return text(schema['doc_section']) ?? text(schema['x-doc-section']);
}

/** Enum labels may come as `oneOf: [{const, title}]` or as a label map beside `enum`. */
function optionsOf(schema: JsonSchema): FieldOption[] | undefined {
    const oneOf = schema['oneOf'];
    if (Array.isArray(oneOf) && oneOf.every((entry) => typeof entry === 'object' && entry !== null && typeof entry.const === 'string')) {
        return oneOf.map((entry: { const: string; title?: unknown }) => ({ value: entry.const, label: labelFor(entry.const, text(entry.title)) }));
    }
    const values = schema['enum'];
    if (!Array.isArray(values)) return undefined;
    const labels = (schema['x-enum-labels'] ?? schema['x-enumLabels'] ?? schema['enumNames']) as unknown;
    return values.map((value: unknown, index) => {
        const name = Array.isArray(labels)
            ? labels[index]
            : typeof labels === 'object' && labels !== null
              ? (labels as Record<string, unknown>)[String(value)]
              : undefined;
        return { value: String(value), label: labelFor(String(value), text(name)) };
    });
}

// "European Union (eu)": people know their region's name; the TLD is what they will see in URLs.
function labelFor(value: string, name: string | undefined): string {
    return name === undefined || name.includes(`(${value})`) ? (name ?? value) : `${name} (${value})`;
}

function fieldsOf(schema: JsonSchema, group: FieldGroup, guideUrl: string): FormField[] {
    const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
    const required = new Set(Array.isArray(schema['required']) ? (schema['required'] as string[]) : []);
    const fields = Object.entries(properties)
        .filter(([, property]) => property['automated'] !== true && property['hidden'] !== true)
        .map(([key, property], position) => {
            const docSection = docSectionOf(property);
            const field: FormField = {
                key,
                group,
                title: text(property['title']) ?? key,
                description: text(property['description']) ?? '',
                example: exampleOf(property),
                defaultValue: text(property['default']),
                options: optionsOf(property),
                secret: property['secret'] === true || property['writeOnly'] === true || property['x-secret'] === true,
                required: required.has(key),
                helpUrl: docSection === undefined ? undefined : `${guideUrl}${docSection}`,
                schema: property,
            };
            return { field, order: orderOf(property) ?? Number.MAX_SAFE_INTEGER, position };
        });
    return fields.sort((a, b) => a.order - b.order || a.position - b.position).map((entry) => entry.field);
}

export function buildFormModel(connector: Connector): FormModel {
    return {
        providerKey: connector.key,
        displayName: connector.displayName,
        authMode: connector.authMode,
        guideUrl: connector.guideUrl,
        fields: [
            ...fieldsOf(connector.connectionConfigSchema, 'connectionConfig', connector.guideUrl),
            ...fieldsOf(connector.credentialsSchema, 'credentials', connector.guideUrl),
        ],
    };
}
