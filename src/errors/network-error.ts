import { ConnectorError, type ConnectorErrorOptions } from './connector-error.js';

/** A host that could not be reached (DNS, refused, reset, timeout) after every retry. */
export class NetworkError extends ConnectorError {
    static override readonly code = 'network_error';

    readonly host: string;
    /** The underlying code, e.g. `ECONNREFUSED`, `ENOTFOUND`, `UND_ERR_HEADERS_TIMEOUT`. */
    readonly causeCode: string | undefined;

    constructor(host: string, causeCode: string | undefined, options: ConnectorErrorOptions = {}) {
        super(NetworkError.code, `Could not reach ${host}${causeCode ? ` (${causeCode})` : ''}.`, {
            hint: options.hint ?? 'Check the network, a proxy or firewall, and that the region (TLD) is right.',
            cause: options.cause,
        });
        this.host = host;
        this.causeCode = causeCode;
    }
}
