import type { DefinitionProblem } from '../../src/errors/index.js';
import type { ProviderDefinition } from '../../src/connector/provider-definition.js';
import { placeholdersOf } from '../../src/connector/url-template.js';
import type { KeyPath, YamlSource } from './yaml-source.js';

// The rules Nango's validate.ts applies to templates, plus ours that keep a connection config from
// steering a URL: every placeholder is declared, every declared field is used, every pattern is a
// valid anchored regex its example matches, and a host can only end in fixed text or an enum field.

const anyPlaceholder = /\$\{([^}]*)\}/g;
const hostOf = /^https:\/\/([^/?#@\s]+)/;
const fixedDomainSuffix = /\.[a-z0-9-]+\.[a-z]{2,}$/;

export function checkTemplates(source: YamlSource, providers: Readonly<Record<string, ProviderDefinition>>): DefinitionProblem[] {
    const problems: DefinitionProblem[] = [];
    for (const [key, provider] of Object.entries(providers)) {
        const fields = provider.connection_config;
        const used = new Set<string>();
        for (const [path, template] of templateStrings(provider)) {
            for (const match of template.matchAll(anyPlaceholder)) {
                const name = /^connectionConfig\.([A-Za-z0-9_.-]+)$/.exec(match[1] ?? '')?.[1];
                if (name === undefined) {
                    problems.push(source.problem([key, ...path], `unsupported placeholder "${match[0]}"; only \${connectionConfig.<field>} is filled.`));
                } else if (fields[name] === undefined) {
                    problems.push(
                        source.problem(
                            [key, ...path],
                            `placeholder \${connectionConfig.${name}} names no field; declare "${name}" under connection_config (declared: ${Object.keys(fields).join(', ')}).`,
                        ),
                    );
                } else {
                    used.add(name);
                }
            }
        }
        for (const [name, field] of Object.entries(fields)) {
            const at: KeyPath = [key, 'connection_config', name];
            if (!used.has(name)) problems.push(source.problem(at, `field "${name}" is declared but no template uses it; use it or remove it.`));
            if (field.pattern !== undefined) {
                const problem = regexProblem(field.pattern);
                if (problem !== undefined) problems.push(source.problem([...at, 'pattern'], problem));
                else if (field.example !== undefined && !new RegExp(field.pattern, 'u').test(field.example)) {
                    problems.push(source.problem([...at, 'example'], `the example ${JSON.stringify(field.example)} does not match the field's own pattern.`));
                }
            }
            if (field.enum !== undefined && field.example !== undefined && !field.enum.includes(field.example)) {
                problems.push(source.problem([...at, 'example'], `the example ${JSON.stringify(field.example)} is not one of the field's enum values.`));
            }
        }
        problems.push(...hostProblems(source, key, provider));
    }
    return problems;
}

/** Every string of an entry that is filled from the connection config, with its key path. */
function templateStrings(provider: ProviderDefinition): [KeyPath, string][] {
    const found: [KeyPath, string][] = [];
    const walk = (value: unknown, path: (string | number)[]) => {
        if (typeof value === 'string') found.push([path, value]);
        else if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...path, index]));
        else if (value !== null && typeof value === 'object') for (const [name, item] of Object.entries(value)) walk(item, [...path, name]);
    };
    for (const [name, value] of Object.entries(provider)) if (name !== 'connection_config') walk(value, [name]);
    return found;
}

function regexProblem(pattern: string): string | undefined {
    try {
        new RegExp(pattern, 'u');
    } catch (error) {
        return `invalid regular expression: ${(error as Error).message}.`;
    }
    return pattern.startsWith('^') && pattern.endsWith('$') ? undefined : 'the pattern must be anchored with ^ and $ so that nothing can be appended.';
}

/** A host template must end in a fixed domain (e.g. `.ping.cloud`) or in a field limited to an enum. */
function hostProblems(source: YamlSource, key: string, provider: ProviderDefinition): DefinitionProblem[] {
    const urls: [KeyPath, string | undefined][] = [
        [['token_url'], provider.token_url],
        [['authorization_url'], provider.authorization_url],
        [['proxy', 'base_url'], provider.proxy.base_url],
    ];
    const problems: DefinitionProblem[] = [];
    for (const [path, url] of urls) {
        const host = url === undefined ? undefined : hostOf.exec(url)?.[1];
        if (host === undefined) continue;
        const last = /\$\{connectionConfig\.([A-Za-z0-9_.-]+)\}$/.exec(host)?.[1];
        const endsInEnum = last !== undefined && provider.connection_config[last]?.enum !== undefined;
        if (!endsInEnum && !fixedDomainSuffix.test(host)) {
            problems.push(
                source.problem(
                    [key, ...path],
                    `the host "${host}" must end in a fixed domain or in a field with an enum, so that no value can move it elsewhere.`,
                ),
            );
        }
        for (const name of placeholdersOf(host)) {
            const values = provider.connection_config[name]?.enum ?? [];
            const bad = values.find((value) => !/^[a-z0-9-]+(?:\.[a-z0-9-]+)*$/.test(value));
            if (bad !== undefined) problems.push(source.problem([key, 'connection_config', name, 'enum'], `"${bad}" cannot be part of a host name.`));
        }
    }
    return problems;
}
