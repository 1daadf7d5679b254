import { compile as toTypeScript, type JSONSchema } from 'json-schema-to-typescript';
import type { ProviderDefinition, ProviderExtensions } from '../../src/connector/provider-definition.js';
import { generatedNote, type JsonObject } from './field-schemas.js';

/** connectors/<provider>/connector.generated.ts: the entry as data, the types, and the connector from the shared runtime. */
export async function renderConnector(options: {
    key: string;
    definition: ProviderDefinition;
    extensions: ProviderExtensions;
    connectionConfigSchema: JsonObject;
    credentialsSchema: JsonObject;
}): Promise<string> {
    const configType = await typeFrom(options.connectionConfigSchema, 'ConnectionConfig');
    const credentialsType = await typeFrom(options.credentialsSchema, 'Credentials');
    const typeAuthorization = options.definition.authorization_url === undefined ? '' : `\nexport const authorizationUrl = authorizationUrlOf(connector);`;
    return `// ${generatedNote}
// The ${options.key} entry of providers.yaml as a typed constant, and its connector: every builder
// validates the config with the ajv validators beside this file, then asserts the final host.
import type { JsonSchema } from '../../src/connector/connector.js';
import type { ProviderDefinition, ProviderExtensions } from '../../src/connector/provider-definition.js';
import { ${options.definition.authorization_url === undefined ? '' : 'authorizationUrlOf, '}defineConnector } from '../../src/connector/define-connector.js';
import connectionConfigJson from '../../schemas/${options.key}/connection-config.schema.json' with { type: 'json' };
import credentialsJson from '../../schemas/${options.key}/credentials.schema.json' with { type: 'json' };
import { validateConnectionConfig, validateCredentials } from './validators.generated.js';

${configType}
${credentialsType}
export const key = ${JSON.stringify(options.key)};

export const definition = ${JSON.stringify(options.definition)} as const satisfies ProviderDefinition;

export const extensions = ${JSON.stringify(options.extensions)} as const satisfies ProviderExtensions;

// Typed as schemas rather than as their JSON's literal types, so that the declaration files import no JSON
// (TypeScript writes those imports without their \`with { type: 'json' }\`, which NodeNext consumers refuse).
export const connectionConfigSchema: JsonSchema = connectionConfigJson;
export const credentialsSchema: JsonSchema = credentialsJson;

export const connector = defineConnector<ConnectionConfig, Credentials>({
    key,
    definition,
    extensions,
    connectionConfigSchema,
    credentialsSchema,
    validateConnectionConfig,
    validateCredentials,
});

export const { parseConnectionConfig, parseCredentials, tokenUrl, apiBaseUrl, allowedHosts, tokenParams } = connector;${typeAuthorization}
`;
}

/** json-schema-to-typescript's interface, as a type alias so that it is assignable to Record<string, string>. */
async function typeFrom(schema: JsonObject, name: string): Promise<string> {
    // Property titles would become named types of their own; the descriptions stay as doc comments.
    const properties = Object.fromEntries(
        Object.entries(schema['properties'] as Record<string, JsonObject>).map(([key, { title: _title, ...property }]) => [key, property]),
    );
    const source = await toTypeScript(
        { type: 'object', additionalProperties: false, required: schema['required'], properties, title: name } as JSONSchema,
        name,
        { bannerComment: '', format: false, additionalProperties: false, declareExternallyReferenced: false },
    );
    return source.replace(new RegExp(`^export interface ${name} \\{`, 'm'), `export type ${name} = {`).replace(/\}\s*$/, '};\n');
}
