import { ConnectorError, type ConnectorErrorOptions } from './connector-error.js';

/** A request for a host outside the connection's allow-list; refused before any socket opens. */
export class HostNotAllowedError extends ConnectorError {
    static override readonly code = 'host_not_allowed';

    readonly host: string;
    readonly allowedHosts: readonly string[];

    constructor(host: string, allowedHosts: readonly string[], options: ConnectorErrorOptions = {}) {
        super(
            HostNotAllowedError.code,
            `Refused to send a request to ${host || 'a URL without a host'}: this connection may only reach ${allowedHosts.join(', ') || 'no host'}.`,
            {
                hint:
                    options.hint ??
                    'Nothing was sent. Credentials and tokens only ever go to the connection region’s auth.pingone.<tld> and api.pingone.<tld>; check the URL or next link.',
                cause: options.cause,
            },
        );
        this.host = host;
        this.allowedHosts = allowedHosts;
    }
}
