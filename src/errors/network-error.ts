import { ConnectorError, type ConnectorErrorOptions } from './connector-error.js';

/** A host that could not be reached (DNS, refused, reset, timeout) after every retry. */
export class NetworkError extends ConnectorError {
    static override readonly code = 'network_error';

    readonly host: string;
    /** The underlying code, e.g. `ECONNREFUSED`, `ENOTFOUND`, `UND_ERR_HEADERS_TIMEOUT`. */
    readonly causeCode: string | undefined;

    /** Set when the request went to a loopback emulator (`--emulator`) that refused the connection: none runs there. */
    readonly emulatorOrigin: string | undefined;

    constructor(host: string, causeCode: string | undefined, options: ConnectorErrorOptions & { emulatorOrigin?: string } = {}) {
        const { message, hint } =
            options.emulatorOrigin === undefined
                ? {
                      message: `Could not reach ${host}${causeCode ? ` (${causeCode})` : ''}.`,
                      hint: 'Check the network, a proxy or firewall, and that the region (TLD) is right.',
                  }
                : emulatorNotRunning(options.emulatorOrigin, host);
        super(NetworkError.code, message, { hint: options.hint ?? hint, cause: options.cause });
        this.host = host;
        this.causeCode = causeCode;
        this.emulatorOrigin = options.emulatorOrigin;
    }
}

/** The connection's emulator refused the connection: say so, and how to start one, rather than blame the network. */
function emulatorNotRunning(origin: string, host: string): { message: string; hint: string } {
    const port = new URL(origin).port;
    return {
        message: `The PingOne emulator at ${origin} is not running (the connection to it was refused), so ${host} could not be reached.`,
        hint:
            `Start one in another terminal and leave it running: npx pingone-connector emulator${port ? ` --port ${port}` : ''}. ` +
            "(The demo's emulator, npm start's, stops when the demo ends.) Or connect again with --emulator set to the URL of an emulator that is running.",
    };
}
