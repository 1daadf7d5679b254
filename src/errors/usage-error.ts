import { ConnectorError, type ConnectorErrorOptions } from './connector-error.js';

/** Bad command-line usage or input: the CLI exits with status 2. */
export class UsageError extends ConnectorError {
    static override readonly code = 'usage';

    /** The flag or argument at fault, when there is one. */
    readonly flag: string | undefined;

    constructor(message: string, options: ConnectorErrorOptions & { flag?: string } = {}) {
        super(UsageError.code, message, options);
        this.flag = options.flag;
    }
}
