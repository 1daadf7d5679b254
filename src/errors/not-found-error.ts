import { ConnectorError, type ConnectorErrorOptions } from './connector-error.js';

/** A named thing the user asked for (a connection, a script, a model) does not exist. */
export class NotFoundError extends ConnectorError {
    static override readonly code = 'not_found';

    /** What kind of thing: `connection`, `sync`, `action`, `on-event`, `model`. */
    readonly kind: string;
    readonly key: string;

    constructor(kind: string, key: string, message: string, options: ConnectorErrorOptions = {}) {
        super(NotFoundError.code, message, options);
        this.kind = kind;
        this.key = key;
    }
}
