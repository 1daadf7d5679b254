import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import type { ProviderDefinition, ProviderExtensions } from '../../src/connector/provider-definition.js';
import { DefinitionError, type DefinitionProblem } from '../../src/errors/index.js';
import { checkExtensions } from './extensions-check.js';
import { fieldsSchema } from './field-schemas.js';
import { checkGuides } from './guide-check.js';
import { checkAgainstSchema } from './json-schema-check.js';
import { renderConnector } from './render-connector.js';
import { renderRegistry } from './render-registry.js';
import { renderSharedFacts, sharedFactsPath } from './render-shared-facts.js';
import { renderValidators } from './render-validators.js';
import { sourceFiles, type CompilePaths, type ExtensionsFile } from './sources.js';
import { checkTemplates } from './template-check.js';
import { readYamlSource, type YamlSource } from './yaml-source.js';

const prettierConfig = JSON.parse(readFileSync(fileURLToPath(new URL('../../.prettierrc.json', import.meta.url)), 'utf8')) as prettier.Options;

/**
 * Reads and checks every source, then renders every generated file in memory: path (relative to
 * the output root) -> content. Throws DefinitionError listing every problem found; nothing is written here.
 */
export async function compileSources(paths: CompilePaths): Promise<Map<string, string>> {
    const providersSource = must(readYamlSource(join(paths.sourceRoot, sourceFiles.providers), sourceFiles.providers));
    const extensionsSource = must(readYamlSource(join(paths.sourceRoot, sourceFiles.extensions), sourceFiles.extensions));
    const shapeProblems = [
        ...checkAgainstSchema(providersSource, readSchema(paths.sourceRoot, sourceFiles.providersSchema)),
        ...checkAgainstSchema(extensionsSource, readSchema(paths.sourceRoot, sourceFiles.extensionsSchema)),
    ];
    if (shapeProblems.length > 0) throw new DefinitionError(shapeProblems);

    const providers = providersSource.data as Record<string, ProviderDefinition>;
    const extensions = extensionsSource.data as ExtensionsFile;
    const meaningProblems = [
        ...checkTemplates(providersSource, providers),
        ...checkExtensions(providersSource, extensionsSource, providers, extensions),
        ...checkGuides(paths.sourceRoot, providersSource, extensionsSource, { providers, extensions }),
    ];
    if (meaningProblems.length > 0) throw new DefinitionError(meaningProblems);

    const files = new Map<string, string>();
    for (const [key, definition] of Object.entries(providers)) {
        const own = extensions.providers[key]!;
        const providerExtensions: ProviderExtensions = { ...own, regions: extensions.regions, roles: extensions.roles };
        const schemaId = (name: string) => `https://pingone-connector.local/schemas/${key}/${name}.schema.json`;
        const connectionConfigSchema = fieldsSchema({
            id: schemaId('connection-config'),
            title: `${definition.display_name}: connection config`,
            fields: definition.connection_config,
            regions: extensions.regions,
        });
        const credentialsSchema = fieldsSchema({
            id: schemaId('credentials'),
            title: `${definition.display_name}: credentials`,
            fields: own.credentials,
            regions: extensions.regions,
        });
        const validators = renderValidators(connectionConfigSchema, credentialsSchema);
        files.set(`schemas/${key}/connection-config.schema.json`, await format(JSON.stringify(connectionConfigSchema), 'x.json'));
        files.set(`schemas/${key}/credentials.schema.json`, await format(JSON.stringify(credentialsSchema), 'x.json'));
        files.set(`connectors/${key}/validators.generated.js`, await format(validators.js, 'x.js'));
        files.set(`connectors/${key}/validators.generated.d.ts`, await format(validators.dts, 'x.ts'));
        const connector = await renderConnector({ key, definition, extensions: providerExtensions, connectionConfigSchema, credentialsSchema });
        files.set(`connectors/${key}/connector.generated.ts`, await format(connector, 'x.ts'));
    }
    files.set('connectors/registry.generated.ts', await format(renderRegistry(Object.keys(providers)), 'x.ts'));
    files.set(sharedFactsPath, await format(renderSharedFacts(extensions), 'x.ts'));
    return files;
}

function must(result: { source?: YamlSource; problems: DefinitionProblem[] }): YamlSource {
    if (result.source === undefined) throw new DefinitionError(result.problems);
    return result.source;
}

function readSchema(root: string, file: string): Record<string, unknown> {
    try {
        return JSON.parse(readFileSync(join(root, file), 'utf8')) as Record<string, unknown>;
    } catch (error) {
        throw new DefinitionError([{ file, line: 0, column: 0, keyPath: '', message: `cannot be read as JSON (${(error as Error).message}).` }]);
    }
}

function format(source: string, filepath: string): Promise<string> {
    return prettier.format(source, { ...prettierConfig, filepath });
}
