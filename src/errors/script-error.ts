import { ConnectorError, type ConnectorErrorOptions } from './connector-error.js';

/**
 * A script run that failed for a reason of the script's own: it threw, broke a call-order rule of
 * Nango's, or (actions) threw `nango.ActionError`, whose payload is kept for the caller.
 */
export class ScriptError extends ConnectorError {
    static override readonly code = 'script_failed';

    /** `script_internal_error`, `action_error`, `invalid_call` or `aborted`. */
    readonly reason: string;
    readonly payload: Record<string, unknown> | undefined;

    constructor(reason: string, message: string, options: ConnectorErrorOptions & { payload?: Record<string, unknown> } = {}) {
        super(ScriptError.code, message, options);
        this.reason = reason;
        this.payload = options.payload;
    }
}
