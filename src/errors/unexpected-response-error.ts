import { ConnectorError, type ConnectorErrorOptions } from './connector-error.js';

/**
 * A 2xx answer whose body is not what the call expects: JSON that does not parse, an HTML page (a
 * proxy's, say), a body of another type. It is a fault, never data: a script handed raw text would
 * read it as an empty answer. `applied` says whether the request may have taken effect anyway.
 */
export class UnexpectedResponseError extends ConnectorError {
    static override readonly code = 'unexpected_response';

    // No `status` field: scripts read a `status` as PingOne's answer to an error (errors.ts readFailure),
    // and this was a 2xx.
    readonly answeredStatus: number;
    readonly contentType: string | undefined;

    constructor(method: string, path: string, status: number, contentType: string | undefined, problem: string, options: ConnectorErrorOptions = {}) {
        super(
            UnexpectedResponseError.code,
            `${method} ${path} answered ${status} with ${problem}${contentType ? ` (content type ${contentType})` : ''}.`,
            options,
        );
        this.answeredStatus = status;
        this.contentType = contentType;
    }
}
