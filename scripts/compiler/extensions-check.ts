import type { DefinitionProblem } from '../../src/errors/index.js';
import type { ProviderDefinition } from '../../src/connector/provider-definition.js';
import type { ExtensionsFile } from './sources.js';
import type { YamlSource } from './yaml-source.js';

/** providers.yaml and providers.extensions.yaml describe the same providers, and every TLD has a region. */
export function checkExtensions(
    providersSource: YamlSource,
    extensionsSource: YamlSource,
    providers: Record<string, ProviderDefinition>,
    extensions: ExtensionsFile,
): DefinitionProblem[] {
    const problems: DefinitionProblem[] = [];
    for (const key of Object.keys(providers)) {
        if (extensions.providers[key] === undefined)
            problems.push(providersSource.problem([key], `provider "${key}" has no entry under providers in ${extensionsSource.file}.`));
        const tld = providers[key]?.connection_config['tld'];
        for (const [index, value] of (tld?.enum ?? []).entries()) {
            if (extensions.regions[value] === undefined) {
                problems.push(
                    providersSource.problem(
                        [key, 'connection_config', 'tld', 'enum', index],
                        `top level domain "${value}" has no region under regions in ${extensionsSource.file}.`,
                    ),
                );
            }
        }
    }
    for (const [key, entry] of Object.entries(extensions.providers)) {
        if (providers[key] === undefined) problems.push(extensionsSource.problem(['providers', key], `provider "${key}" is not in ${providersSource.file}.`));
        problems.push(...checkConnectionKinds(extensionsSource, key, entry));
        for (const [name, field] of Object.entries(entry.credentials)) {
            let pattern: RegExp;
            try {
                pattern = new RegExp(field.pattern ?? '', 'u');
            } catch (error) {
                problems.push(
                    extensionsSource.problem(['providers', key, 'credentials', name, 'pattern'], `invalid regular expression: ${(error as Error).message}.`),
                );
                continue;
            }
            if (field.example !== undefined && !pattern.test(field.example)) {
                problems.push(
                    extensionsSource.problem(['providers', key, 'credentials', name, 'example'], `the example does not match the field's own pattern.`),
                );
            }
        }
    }
    return problems;
}

/** Each way's scopes are in the provider's scope catalogue, and the first way's scopes are `default_scopes`. */
function checkConnectionKinds(extensionsSource: YamlSource, key: string, entry: ExtensionsFile['providers'][string]): DefinitionProblem[] {
    const kinds = Object.entries(entry.connection_kinds ?? {});
    const problems: DefinitionProblem[] = [];
    for (const [kind, facts] of kinds) {
        for (const [index, scope] of facts.scopes.entries()) {
            if (entry.scopes[scope] === undefined)
                problems.push(
                    extensionsSource.problem(
                        ['providers', key, 'connection_kinds', kind, 'scopes', index],
                        `scope "${scope}" is not in the provider's scopes.`,
                    ),
                );
        }
    }
    const first = kinds[0]?.[1];
    if (first && first.scopes.join(' ') !== entry.default_scopes.join(' ')) {
        problems.push(
            extensionsSource.problem(
                ['providers', key, 'default_scopes'],
                `default_scopes must be the first connection kind's scopes (${first.scopes.join(' ')}), so that both name one list.`,
            ),
        );
    }
    return problems;
}
