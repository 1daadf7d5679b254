import { ConnectorError, type ConnectorErrorOptions } from './connector-error.js';

/**
 * The embedded record store refused an input or could not do its job. `reason` says which:
 * `invalid_record`, `invalid_cursor`, `invalid_checkpoint`, `invalid_argument`, `invalid_call`, `unknown_connection`,
 * `schema_too_new`, `not_a_database`, `empty_database`, `busy`, `run_in_progress`, `io`.
 */
export class StoreError extends ConnectorError {
    static override readonly code = 'store_error';

    readonly reason: string;

    constructor(reason: string, message: string, options: ConnectorErrorOptions = {}) {
        super(StoreError.code, message, options);
        this.reason = reason;
    }
}
