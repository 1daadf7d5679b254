export { ConnectorError, type ConnectorErrorOptions } from './connector-error.js';
export { InvalidConfigError } from './invalid-config-error.js';
export { UsageError } from './usage-error.js';
export { InvalidRecordError } from './invalid-record-error.js';
export { NotFoundError } from './not-found-error.js';
export { ScriptError } from './script-error.js';
export { ScriptHttpError, type ScriptHttpResponse } from './script-http-error.js';
export { StoreError } from './store-error.js';
export { SecretsFileError } from './secrets-file-error.js';
