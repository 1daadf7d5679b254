import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DefinitionProblem } from '../../src/errors/index.js';
import type { FieldDefinition } from '../../src/connector/provider-definition.js';
import { fencePattern, headingAnchor, headingPattern } from '../../src/connect-ui/heading-anchor.js';
import type { CheckedSources } from './sources.js';
import type { KeyPath, YamlSource } from './yaml-source.js';

/** The anchors of a Markdown file's headings, as GitHub and the Connect UI's guide page make them. */
export function headingAnchors(markdown: string): Set<string> {
    const anchors = new Set<string>();
    let inFence = false;
    for (const line of markdown.split('\n')) {
        if (fencePattern.test(line)) inFence = !inFence;
        const heading = inFence ? null : headingPattern.exec(line);
        if (heading?.[2] !== undefined) anchors.add(`#${headingAnchor(heading[2])}`);
    }
    return anchors;
}

/** Each provider's guide (its docs_connect, a path under the source root) exists and has every field's and connection kind's doc_section. */
export function checkGuides(sourceRoot: string, providersSource: YamlSource, extensionsSource: YamlSource, sources: CheckedSources): DefinitionProblem[] {
    const problems: DefinitionProblem[] = [];
    for (const [key, provider] of Object.entries(sources.providers)) {
        let markdown: string;
        try {
            markdown = readFileSync(join(sourceRoot, provider.docs_connect), 'utf8');
        } catch {
            problems.push(
                providersSource.problem([key, 'docs_connect'], `the guide ${provider.docs_connect} does not exist (a path relative to the project root).`),
            );
            continue;
        }
        const anchors = headingAnchors(markdown);
        const check = (source: YamlSource, path: KeyPath, fields: Readonly<Record<string, Pick<FieldDefinition, 'doc_section'>>>) => {
            for (const [name, field] of Object.entries(fields)) {
                if (!anchors.has(field.doc_section)) {
                    problems.push(
                        source.problem(
                            [...path, name, 'doc_section'],
                            `${field.doc_section} is not a heading of ${provider.docs_connect} (headings: ${[...anchors].join(', ')}).`,
                        ),
                    );
                }
            }
        };
        check(providersSource, [key, 'connection_config'], provider.connection_config);
        check(extensionsSource, ['providers', key, 'credentials'], sources.extensions.providers[key]?.credentials ?? {});
        check(extensionsSource, ['providers', key, 'connection_kinds'], sources.extensions.providers[key]?.connection_kinds ?? {});
    }
    return problems;
}
