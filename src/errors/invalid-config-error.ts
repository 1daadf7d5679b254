import { ConnectorError, type ConnectorErrorOptions } from './connector-error.js';

/** A connection config (or one of its fields) that must not be used to build a URL. */
export class InvalidConfigError extends ConnectorError {
    static override readonly code = 'invalid_config';

    /** The connection-config field at fault, e.g. `tld` or `environmentId`. */
    readonly field: string;

    constructor(field: string, message: string, options: ConnectorErrorOptions = {}) {
        super(InvalidConfigError.code, message, options);
        this.field = field;
    }
}
