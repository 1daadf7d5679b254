import type { FieldDefinition, ProviderDefinition, RegionFacts, RoleFacts } from '../../src/connector/provider-definition.js';

/** providers.extensions.yaml after its schema check. */
export interface ExtensionsFile {
    regions: Record<string, RegionFacts>;
    roles: Record<string, RoleFacts>;
    audit_action_types: Record<string, { documented: boolean }>;
    providers: Record<
        string,
        {
            token_auth_methods: ('client_secret_post' | 'client_secret_basic')[];
            default_scopes: string[];
            scopes: Record<string, string>;
            credentials: Record<string, FieldDefinition>;
        }
    >;
}

/** Everything the compiler read, checked: what the renderers work from. */
export interface CheckedSources {
    providers: Record<string, ProviderDefinition>;
    extensions: ExtensionsFile;
}

/** Where the compiler reads and writes; tests point both at temporary directories. */
export interface CompilePaths {
    /** Holds providers.yaml, providers.extensions.yaml, schemas/providers*.schema.json and guides/. */
    sourceRoot: string;
    /** Receives connectors/<provider>/*.generated.*, connectors/registry.generated.ts, connectors/shared/pingone.generated.ts and schemas/<provider>/. */
    outputRoot: string;
}

export const sourceFiles = {
    providers: 'providers.yaml',
    extensions: 'providers.extensions.yaml',
    providersSchema: 'schemas/providers.schema.json',
    extensionsSchema: 'schemas/providers.extensions.schema.json',
} as const;

/** Fields in the order a form shows them: `order`, then the order written. */
export function orderedFields(fields: Readonly<Record<string, FieldDefinition>>): [string, FieldDefinition][] {
    return Object.entries(fields)
        .map((entry, position) => ({ entry, position }))
        .sort((a, b) => a.entry[1].order - b.entry[1].order || a.position - b.position)
        .map(({ entry }) => entry);
}
