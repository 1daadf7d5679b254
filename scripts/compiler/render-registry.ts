import { generatedNote } from './field-schemas.js';

/** connectors/registry.generated.ts: provider key -> connector, in providers.yaml order. */
export function renderRegistry(keys: readonly string[]): string {
    const local = (key: string) => key.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
    return `// ${generatedNote}
import type { Connector } from '../src/connector/connector.js';
import type { DefinedConnector } from '../src/connector/define-connector.js';
import { NotFoundError } from '../src/errors/index.js';
${keys.map((key) => `import { connector as ${local(key)} } from './${key}/connector.generated.js';`).join('\n')}

export const providerKeys = ${JSON.stringify(keys)} as const;

export type ProviderKey = (typeof providerKeys)[number];

/** A connector as the registry hands it out: the Connector contract plus credentials, token parameters and facts. */
export type ProviderConnector = DefinedConnector<Readonly<Record<string, string>>, Readonly<Record<string, string>>>;

export const connectors: Record<ProviderKey, ProviderConnector> = {
${keys.map((key) => `    ${JSON.stringify(key)}: ${local(key)},`).join('\n')}
};

export function isProviderKey(key: string): key is ProviderKey {
    return (providerKeys as readonly string[]).includes(key);
}

/** The connector for a provider key; an unknown key is a NotFoundError listing the known ones. */
export function getConnector(key: string): ProviderConnector & Connector {
    if (!isProviderKey(key)) {
        throw new NotFoundError('provider', key, \`Unknown provider "\${key}".\`, { hint: \`Known providers: \${providerKeys.join(', ')}.\` });
    }
    return connectors[key];
}
`;
}
