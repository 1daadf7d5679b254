import { ConnectorError, type ConnectorErrorOptions } from './connector-error.js';

/** A record (or an action's input or output) that does not match the script's zod model. */
export class InvalidRecordError extends ConnectorError {
    static override readonly code = 'invalid_record';

    /** The model name, or `input` / `output` for an action. */
    readonly model: string;
    /** The path of the first bad field inside the record, e.g. `name.given`; empty for the record itself. */
    readonly path: string;

    constructor(model: string, path: string, message: string, options: ConnectorErrorOptions = {}) {
        super(InvalidRecordError.code, message, options);
        this.model = model;
        this.path = path;
    }
}
