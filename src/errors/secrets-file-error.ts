import { ConnectorError, type ConnectorErrorOptions } from './connector-error.js';

/**
 * The secrets file beside the database cannot be used. `reason` is one of `insecure_permissions`,
 * `wrong_owner`, `key_required`, `wrong_key`, `corrupt`, `locked`, `io`. Messages name the file, never a secret.
 */
export class SecretsFileError extends ConnectorError {
    static override readonly code = 'secrets_file_error';

    readonly reason: string;
    readonly path: string;

    constructor(reason: string, path: string, message: string, options: ConnectorErrorOptions = {}) {
        super(SecretsFileError.code, message, options);
        this.reason = reason;
        this.path = path;
    }
}
