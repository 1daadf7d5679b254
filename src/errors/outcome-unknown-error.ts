import { ConnectorError, type ConnectorErrorOptions } from './connector-error.js';

/**
 * A request that is not safe to repeat (a POST that creates, a password set) was sent, and then the
 * connection broke or timed out before an answer came: PingOne may or may not have applied it.
 * It is not sent again; the caller must look before trying once more.
 */
export class OutcomeUnknownError extends ConnectorError {
    static override readonly code = 'outcome_unknown';

    /** The underlying code, e.g. `UND_ERR_SOCKET`, `ECONNRESET`, `UND_ERR_HEADERS_TIMEOUT`. */
    readonly causeCode: string | undefined;

    constructor(method: string, path: string, causeCode: string | undefined, options: ConnectorErrorOptions = {}) {
        super(
            OutcomeUnknownError.code,
            `${method} ${path}: the connection broke after the request was sent${causeCode ? ` (${causeCode})` : ''}, so PingOne may have applied it or not.`,
            { hint: options.hint ?? 'Read the resource back to see whether the change was made before sending it again.', cause: options.cause },
        );
        this.causeCode = causeCode;
    }
}
