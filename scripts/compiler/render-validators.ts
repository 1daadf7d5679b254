import Ajv2020 from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { formKeywords, generatedNote, type JsonObject } from './field-schemas.js';

/**
 * ajv standalone code for a provider's two schemas, as an ES module with no runtime dependency.
 * Formats are not checked by code: every field carries a pattern at least as strict as its format.
 */
export function renderValidators(connectionConfigSchema: JsonObject, credentialsSchema: JsonObject): { js: string; dts: string } {
    const ajv = new Ajv2020.default({ code: { source: true, esm: true }, strict: true, validateFormats: false, allErrors: false });
    ajv.addVocabulary(formKeywords);
    const validateConnectionConfig = ajv.compile(connectionConfigSchema);
    const validateCredentials = ajv.compile(credentialsSchema);
    const code = standaloneCode.default(ajv, {
        validateConnectionConfig: String(connectionConfigSchema['$id']),
        validateCredentials: String(credentialsSchema['$id']),
    });
    if (/\brequire\(/.test(code)) throw new Error('ajv standalone code needs a runtime import; keep schemas to keywords that compile to plain code.');
    void validateConnectionConfig;
    void validateCredentials;
    const js = `// ${generatedNote}\n// ajv standalone validators for connection-config.schema.json and credentials.schema.json.\n${code.replace(/^"use strict";\n?/, '')}`;
    const dts = [
        `// ${generatedNote}`,
        "import type { StandaloneValidator } from '../../src/connector/standalone-validator.js';",
        'export declare const validateConnectionConfig: StandaloneValidator;',
        'export declare const validateCredentials: StandaloneValidator;',
        '',
    ].join('\n');
    return { js, dts };
}
