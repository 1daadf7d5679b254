import Ajv2020, { type ErrorObject } from 'ajv/dist/2020.js';
import type { DefinitionProblem } from '../../src/errors/index.js';
import type { KeyPath, YamlSource } from './yaml-source.js';

// Checks a YAML source against one of our JSON Schemas and words each failure for a person: the
// key path and place of the offending key, and for an unknown key the keys that are allowed there.

// Keywords that only summarise the failures of their branches: their own messages add nothing.
const summaryKeywords = new Set(['anyOf', 'oneOf', 'if', 'not']);

export function checkAgainstSchema(source: YamlSource, schema: Record<string, unknown>): DefinitionProblem[] {
    const ajv = new Ajv2020.default({ allErrors: true, verbose: true, strict: true, strictRequired: false, strictTypes: false });
    const validate = ajv.compile(schema);
    if (validate(source.data)) return [];
    const problems = (validate.errors ?? [])
        .filter((error) => !summaryKeywords.has(error.keyword) || (validate.errors ?? []).length === 1)
        .map((error) => toProblem(source, error));
    const seen = new Set<string>();
    return problems.filter((problem) => {
        const key = `${problem.line}:${problem.column}:${problem.message}`;
        return seen.has(key) ? false : (seen.add(key), true);
    });
}

function toProblem(source: YamlSource, error: ErrorObject): DefinitionProblem {
    const path: (string | number)[] = error.instancePath === '' ? [] : error.instancePath.slice(1).split('/').map(unescapePointer);
    switch (error.keyword) {
        case 'additionalProperties': {
            const key = String(error.params['additionalProperty']);
            const allowed = Object.keys((error.parentSchema?.['properties'] as Record<string, unknown> | undefined) ?? {});
            return at(source, [...path, key], `unknown key "${key}"${allowed.length > 0 ? `; allowed here: ${allowed.join(', ')}` : ''}.`);
        }
        case 'required':
            return at(source, path, `missing required key "${String(error.params['missingProperty'])}".`);
        case 'propertyNames':
            return at(source, [...path, String(error.params['propertyName'])], `the key name "${String(error.params['propertyName'])}" is not allowed here.`);
        case 'enum':
            return at(
                source,
                path,
                `${JSON.stringify(error.data)} is not one of ${(error.params['allowedValues'] as unknown[]).map((value) => JSON.stringify(value)).join(', ')}.`,
            );
        case 'const':
            return at(source, path, `must be ${JSON.stringify(error.params['allowedValue'])}.`);
        case 'pattern':
            return at(source, path, `${JSON.stringify(error.data)} does not match ${String(error.params['pattern'])}.`);
        default:
            return at(source, path, `${error.message ?? 'is not valid'}.`);
    }
}

function at(source: YamlSource, path: KeyPath, message: string): DefinitionProblem {
    return source.problem(path, message);
}

function unescapePointer(segment: string): string {
    return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
