import { ConnectorError, type ConnectorErrorOptions } from './connector-error.js';

/** A record (or an action's output, or a checkpoint) that does not match the script's zod model; inputs are InvalidInputError. */
export class InvalidRecordError extends ConnectorError {
    static override readonly code = 'invalid_record';

    /** The model name, `output` for an action, or `checkpoint`. */
    readonly model: string;
    /** The path of the first bad field inside the record, e.g. `name.given`; empty for the record itself. */
    readonly path: string;

    constructor(model: string, path: string, message: string, options: ConnectorErrorOptions = {}) {
        super(InvalidRecordError.code, message, options);
        this.model = model;
        this.path = path;
    }
}
