export { ConnectorError, type ConnectorErrorOptions } from './connector-error.js';
export { InvalidConfigError } from './invalid-config-error.js';
export { UsageError } from './usage-error.js';
