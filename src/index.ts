// The package's library entry (`import … from 'pingone-connector'`): the typed connector modules
// and their registry, the Connector contract, the harness API and the typed errors. Record models
// are at 'pingone-connector/models'; every subpath is listed in package.json's `exports`.
export { connectors, getConnector, isProviderKey, providerKeys, type ProviderConnector, type ProviderKey } from '../connectors/registry.generated.js';
export type { AuthMode, AuthorizationParams, Connector, JsonSchema } from './connector/connector.js';
export { openHarness, type Harness, type HarnessOptions, type RunOptions, type RunLogLine, type RunProgress, type RunReport } from './harness/index.js';
export * from './errors/index.js';
