import { ConnectorError, type ConnectorErrorOptions } from './connector-error.js';

/** One entry of a PingOne error body's `details`. */
export interface PingOneErrorDetail {
    code: string;
    message: string;
    target?: string;
    innerError?: Readonly<Record<string, unknown>>;
}

export interface PingOneApiErrorInit {
    status: number;
    method: string;
    /** The path without the query string, so that nothing from a query leaks into messages. */
    path: string;
    /** PingOne's top-level `code`, e.g. `INVALID_DATA`; undefined when the body was not PingOne's shape. */
    pingOneCode?: string;
    /** PingOne's `message`, as sent. */
    pingOneMessage?: string;
    /** PingOne's error `id`, which PingOne support can look up. */
    id?: string;
    details?: readonly PingOneErrorDetail[];
}

/** A non-2xx answer of PingOne's management API, with PingOne's own error body parsed. */
export class PingOneApiError extends ConnectorError {
    static override readonly code: string = 'pingone_error';

    readonly status: number;
    readonly method: string;
    readonly path: string;
    readonly pingOneCode: string | undefined;
    readonly pingOneMessage: string | undefined;
    readonly id: string | undefined;
    readonly details: readonly PingOneErrorDetail[];

    constructor(init: PingOneApiErrorInit, options: ConnectorErrorOptions & { code?: string } = {}) {
        const summary = init.pingOneCode ? `${init.pingOneCode}${init.pingOneMessage ? `: ${init.pingOneMessage}` : ''}` : `HTTP ${init.status}`;
        const detail = (init.details ?? [])
            .map((entry) => `${entry.code}${entry.target ? ` (${entry.target})` : ''}${entry.message ? `: ${entry.message}` : ''}`)
            .join('; ');
        super(
            options.code ?? PingOneApiError.code,
            `PingOne answered ${init.status} to ${init.method} ${init.path}: ${summary}${detail ? ` [${detail}]` : ''}`,
            options,
        );
        this.status = init.status;
        this.method = init.method;
        this.path = init.path;
        this.pingOneCode = init.pingOneCode;
        this.pingOneMessage = init.pingOneMessage;
        this.id = init.id;
        this.details = init.details ?? [];
    }

    // A RateLimitedError is a PingOne error too: `instanceof PingOneApiError` matches it.
    static override [Symbol.hasInstance](value: unknown): boolean {
        return super[Symbol.hasInstance](value) || (this === PingOneApiError && value instanceof ConnectorError && value.code === 'rate_limited');
    }

    /** The `code` of each entry of `details`, e.g. `['UNIQUENESS_VIOLATION']`. */
    get detailCodes(): readonly string[] {
        return this.details.map((entry) => entry.code);
    }
}
