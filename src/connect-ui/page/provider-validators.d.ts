// The page's provider's own generated ajv validators: assets.ts has esbuild resolve this module to
// connectors/<provider>/validators.generated.js when it bundles the page for that provider.
declare module 'provider-validators' {
    import type { StandaloneValidator } from '../../connector/standalone-validator.js';
    export const validateConnectionConfig: StandaloneValidator;
    export const validateCredentials: StandaloneValidator;
}
